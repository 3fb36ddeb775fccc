import { expect } from "chai";
import { createCipheriv, randomBytes } from "node:crypto";
import { createFieldCipher } from "../crypto/create-field-cipher";
import { FieldCipher, formatOf } from "../crypto/field-cipher";
import { deriveKey } from "../crypto/key-derivation";
import { makeUser, viewerOf } from "../testing/fixtures";
import { fullDump } from "../testing/pg-dump";
import { TEST_KEY, TEST_PREVIOUS_KEY, testCipher } from "../testing/test-cipher";
import { useTestDatabase } from "../testing/test-database";
import { rotateEncryption } from "./encryption-rotation";
import { createRepositories, type Repositories } from "./repositories";
import type { Reading } from "./repositories/readings";
import type { UserRecord } from "./repositories/users";

/** Every encrypted string in a stored JSON document. */
function envelopes(doc: unknown): string[] {
  if (typeof doc === "string") return formatOf(doc).kind === "plain" ? [] : [doc];
  if (doc === null || typeof doc !== "object") return [];
  return Object.values(doc).flatMap(envelopes);
}

describe("encryption at rest and key rotation (real PostgreSQL)", function () {
  this.timeout(120_000);
  const t = useTestDatabase();
  const marker = randomBytes(4).toString("hex");
  const secretWord = (i: number) => `zephyr${marker}q${i}`;
  const ROWS = 23;

  let oldCipher: FieldCipher; // the key data was written with
  let rotating: FieldCipher; // current key, previous key still readable
  let current: FieldCipher; // current key only
  let owner: UserRecord;
  let original: Reading[];

  const reposWith = (cipher: FieldCipher): Repositories => createRepositories(t.db, cipher);
  const storedKeyIds = async (): Promise<string[]> => {
    const { rows } = await t.db.query(`SELECT mother_name AS v FROM oracle_users UNION ALL SELECT question FROM oracle_readings UNION ALL SELECT ai_interpretation FROM oracle_readings`);
    const inJson = await t.db.query(`SELECT input, result FROM oracle_readings`);
    const values = [...rows.map((r) => r.v as string | null).filter((v): v is string => v !== null), ...inJson.rows.flatMap((r) => [...envelopes(r.input), ...envelopes(r.result)])];
    return values.map((v) => {
      const f = formatOf(v);
      return f.kind === "nps1" ? f.keyId : f.kind;
    });
  };

  before(async () => {
    [oldCipher, rotating, current] = await Promise.all([
      testCipher({ key: TEST_PREVIOUS_KEY.key, salt: TEST_PREVIOUS_KEY.salt }),
      testCipher({ previousKey: TEST_PREVIOUS_KEY.key, previousSalt: TEST_PREVIOUS_KEY.salt }),
      testCipher(),
    ]);
    const repos = reposWith(oldCipher);
    owner = await makeUser(repos);
    for (let i = 0; i < ROWS; i++) {
      const p = await repos.profiles.create(owner.id, { name: `Visible Person ${marker} ${i}`, birth_date: "1980-01-01", mother_name: `Mothername${marker}m${i}`, mother_name_persian: `مادر${marker}${i}` });
      const question = `Will ${secretWord(i)} arrive before spring?`;
      const ai = `The answer about ${secretWord(i)} is patience. Interpretation${marker}a${i}.`;
      await repos.readings.create({
        ownerId: owner.id,
        profileId: p.id,
        readingType: "question",
        question,
        aiInterpretation: ai,
        input: { question, locale: "en" },
        result: { question, ai_interpretation: { full_text: ai }, echo: `Asked: ${question}`, mother_line: `Mother ${p.mother_name} adds 3`, number: i },
        searchTerms: [p.name],
        secrets: [p.mother_name, p.mother_name_persian],
      });
    }
    // A value of the earlier ENC4 format, and one written while encryption was off.
    const legacyKey = await deriveKey(TEST_PREVIOUS_KEY.key, TEST_PREVIOUS_KEY.salt);
    const nonce = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", legacyKey, nonce);
    const enc4 = `ENC4:${Buffer.concat([nonce, c.update(`Legacy question ${marker}`, "utf8"), c.final(), c.getAuthTag()]).toString("base64")}`;
    const legacy = await repos.readings.create({ ownerId: owner.id, readingType: "question", result: { kept: true } });
    await t.db.query(`UPDATE oracle_readings SET question = $2 WHERE id = $1`, [legacy.id, enc4]);
    await reposWith(FieldCipher.plaintext()).profiles.create(owner.id, { name: "Plain Era", birth_date: "1970-01-01", mother_name: `Plaintext${marker}mother` });
    original = (await reposWith(rotating).readings.list(viewerOf(owner), { limit: 100, sortBy: "created_at" })).items;
    expect(original.length).to.equal(ROWS + 1);
  });

  it("a dump of the populated database holds no plaintext of an encrypted field", async () => {
    const dump = await fullDump(t.url);
    expect(dump).to.contain(`Visible Person ${marker}`); // names are not secret: the dump is real
    for (const secret of [secretWord(0), secretWord(ROWS - 1), `Mothername${marker}`, `مادر${marker}`, `Interpretation${marker}`, `Legacy question ${marker}`]) {
      expect(dump, secret).not.to.contain(secret);
    }
    expect(dump.toLowerCase()).not.to.contain(`zephyr${marker}`);
  });

  it("rotation stopped part-way leaves every value readable, and search still works", async () => {
    const controller = new AbortController();
    let batches = 0;
    const result = await rotateEncryption(t.db, rotating, {
      batchSize: 5,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.table === "oracle_readings" && p.scanned > 0 && ++batches === 2) controller.abort();
      },
    });
    expect(result.interrupted).to.equal(true);
    const ids = await storedKeyIds();
    expect(ids).to.include(rotating.currentKeyId);
    expect(ids).to.include(oldCipher.currentKeyId);

    const mid = (await reposWith(rotating).readings.list(viewerOf(owner), { limit: 100, sortBy: "created_at" })).items;
    expect(mid.map((r) => [r.question, r.aiInterpretation, r.result, r.input])).to.deep.equal(original.map((r) => [r.question, r.aiInterpretation, r.result, r.input]));
    for (const i of [0, ROWS - 1]) {
      const found = await reposWith(rotating).readings.list(viewerOf(owner), { search: secretWord(i) });
      expect(found.total, secretWord(i)).to.equal(1);
    }
  });

  it("a crash inside a batch loses nothing: its rows stay as they were", async () => {
    const snapshot = async () => (await t.db.query(`SELECT id, question, result FROM oracle_readings ORDER BY id`)).rows;
    const was = await snapshot();
    let err: unknown;
    try {
      await rotateEncryption(t.db, rotating, {
        batchSize: 4,
        beforeCommit: ({ table }) => {
          if (table === "oracle_readings") throw new Error("simulated crash");
        },
      });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.equal("simulated crash");
    expect(await snapshot()).to.deep.equal(was);
  });

  it("resumed, it finishes: every value under the current key, readable without the old one", async () => {
    const progress: number[] = [];
    const result = await rotateEncryption(t.db, rotating, { batchSize: 5, onProgress: (p) => progress.push(p.scanned) });
    expect(result).to.deep.include({ interrupted: false, failures: [] });
    expect(result.rewritten).to.be.greaterThan(0);
    expect(progress.length).to.be.greaterThan(2);
    expect(new Set(await storedKeyIds())).to.deep.equal(new Set([current.currentKeyId]));

    const after = (await reposWith(current).readings.list(viewerOf(owner), { limit: 100, sortBy: "created_at" })).items;
    expect(after.map((r) => [r.id, r.question, r.aiInterpretation, r.result, r.input])).to.deep.equal(original.map((r) => [r.id, r.question, r.aiInterpretation, r.result, r.input]));
    const profiles = await reposWith(current).profiles.list(viewerOf(owner), { limit: 100 });
    expect(profiles.items.map((p) => p.mother_name)).to.include(`Plaintext${marker}mother`);
    expect(profiles.items.filter((p) => p.mother_name.startsWith(`Mothername${marker}`)).length).to.equal(ROWS);
    expect((await reposWith(current).readings.list(viewerOf(owner), { search: secretWord(7) })).total).to.equal(1);
    expect(after.find((r) => r.question === `Legacy question ${marker}`)).to.not.equal(undefined);

    const again = await rotateEncryption(t.db, rotating, { batchSize: 50 });
    expect(again).to.deep.include({ rewritten: 0, interrupted: false });
  });

  it("never overwrites a value no configured key opens, and says which", async () => {
    const stranger = await createFieldCipher({ enabled: true, key: "a key nobody configured", salt: TEST_KEY.salt, previousKey: "", previousSalt: "" });
    const p = await reposWith(stranger).profiles.create(owner.id, { name: "Stranger", birth_date: "1999-09-09", mother_name: "Unknown" });
    const raw = async () => (await t.db.query(`SELECT mother_name FROM oracle_users WHERE id = $1`, [p.id])).rows[0].mother_name as string;
    const was = await raw();
    const result = await rotateEncryption(t.db, rotating);
    expect(result.failures.map((f) => [f.table, f.id])).to.deep.equal([["oracle_users", p.id]]);
    expect(result.failures[0]!.reason).to.match(/not configured/);
    expect(await raw()).to.equal(was);
  });

  it("refuses to run with encryption off", async () => {
    let err: unknown;
    try {
      await rotateEncryption(t.db, FieldCipher.plaintext());
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.match(/no key to rotate to/);
  });
});
