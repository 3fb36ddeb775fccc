import { expect } from "chai";
import { createCipheriv, randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { TEST_KEY, TEST_PREVIOUS_KEY, testCipher } from "../testing/test-cipher";
import { createFieldCipher } from "./create-field-cipher";
import { DecryptionError, FieldCipher, formatOf } from "./field-cipher";
import { deriveKey, saltBytes } from "./key-derivation";

const run = promisify(execFile);
const at = (rowId: string, column = "question", table = "oracle_readings") => ({ table, column, rowId });

/** PBKDF2 as an independent implementation computes it: python3's standard library. */
async function pythonDerive(key: string, salt: string): Promise<Buffer> {
  const script = [
    "import hashlib, sys",
    "salt = (sys.argv[2] or 'nps-v4-default-salt').encode('utf-8')",
    "salt = salt[:32] + b'\\x00' * (32 - len(salt[:32]))",
    "print(hashlib.pbkdf2_hmac('sha256', sys.argv[1].encode('utf-8'), salt, 600000, dklen=32).hex())",
  ].join("\n");
  const { stdout } = await run("python3", ["-c", script, key, salt]);
  return Buffer.from(stdout.trim(), "hex");
}

/** An ENC4 value exactly as the earlier format defines it: base64(nonce 12 | ciphertext | tag 16), no AAD. */
function enc4(plain: string, key: Buffer): string {
  const nonce = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key, nonce);
  const body = Buffer.concat([nonce, c.update(plain, "utf8"), c.final(), c.getAuthTag()]);
  return `ENC4:${body.toString("base64")}`;
}

describe("field encryption", function () {
  this.timeout(60_000);
  let cipher: FieldCipher;
  before(async () => {
    cipher = await testCipher();
  });

  it("derives the key exactly as python3's hashlib.pbkdf2_hmac does (600,000 rounds, padded UTF-8 salt)", async () => {
    const [ours, theirs] = await Promise.all([deriveKey(TEST_KEY.key, TEST_KEY.salt), pythonDerive(TEST_KEY.key, TEST_KEY.salt)]);
    expect(ours.toString("hex")).to.equal(theirs.toString("hex"));
  });

  it("pads a short salt with NUL, cuts a long one at 32 bytes, and uses the default for an empty one", () => {
    expect(saltBytes("abc").toString("hex")).to.equal(Buffer.concat([Buffer.from("abc"), Buffer.alloc(29)]).toString("hex"));
    expect(saltBytes("x".repeat(40)).toString()).to.equal("x".repeat(32));
    expect(saltBytes("").subarray(0, 19).toString()).to.equal("nps-v4-default-salt");
    // UTF-8 bytes, not characters: a Persian salt of 20 letters is 40 bytes, cut to 32.
    expect(saltBytes("س".repeat(20)).length).to.equal(32);
  });

  it("round-trips text, Persian included, and never stores it in the clear", () => {
    for (const plain of ["Will the garden bloom this spring?", "نام مادر: مریم", "", "x".repeat(5000)]) {
      const stored = cipher.encrypt(plain, at("r1"));
      expect(stored).to.match(/^nps1:[0-9a-f]{8}:[A-Za-z0-9_-]+$/);
      if (plain) expect(stored).not.to.contain(plain);
      expect(cipher.decrypt(stored, at("r1"))).to.equal(plain);
    }
    expect(cipher.encrypt("same", at("r1"))).not.to.equal(cipher.encrypt("same", at("r1")));
  });

  it("refuses a value moved to another row, column or table (AAD)", () => {
    const stored = cipher.encrypt("my mother's name", at("row-a", "mother_name", "oracle_users"));
    expect(cipher.decrypt(stored, at("row-a", "mother_name", "oracle_users"))).to.equal("my mother's name");
    expect(() => cipher.decrypt(stored, at("row-b", "mother_name", "oracle_users"))).to.throw(DecryptionError, /row-b/);
    expect(() => cipher.decrypt(stored, at("row-a", "mother_name_persian", "oracle_users"))).to.throw(DecryptionError);
    expect(() => cipher.decrypt(stored, at("row-a", "mother_name", "oracle_readings"))).to.throw(DecryptionError);
  });

  it("refuses a tampered value", () => {
    const stored = cipher.encrypt("question text", at("r1"));
    const body = Buffer.from(stored.split(":")[2]!, "base64url");
    body[15] = body[15]! ^ 1;
    const tampered = `${stored.split(":").slice(0, 2).join(":")}:${body.toString("base64url")}`;
    expect(() => cipher.decrypt(tampered, at("r1"))).to.throw(DecryptionError, /authentication failed/);
  });

  it("decrypts a value of the earlier ENC4 format built from the spec", async () => {
    const key = await pythonDerive(TEST_KEY.key, TEST_KEY.salt);
    const legacy = enc4("What does 2027 hold for me?", key);
    expect(formatOf(legacy)).to.deep.equal({ kind: "legacy" });
    expect(cipher.decrypt(legacy, at("any-row"))).to.equal("What does 2027 hold for me?");
    expect(cipher.isCurrent(legacy)).to.equal(false);
  });

  it("refuses an ENC4 value written with another key", async () => {
    const other = Buffer.alloc(32, 7);
    expect(() => cipher.decrypt(enc4("secret", other), at("r"))).to.throw(DecryptionError, /ENC4/);
  });

  it("names the key that wrote a value, and reads older keys only when they are configured", async () => {
    const previous = await testCipher({ key: TEST_PREVIOUS_KEY.key, salt: TEST_PREVIOUS_KEY.salt });
    const rotating = await testCipher({ previousKey: TEST_PREVIOUS_KEY.key, previousSalt: TEST_PREVIOUS_KEY.salt });
    const old = previous.encrypt("written long ago", at("r9"));
    expect(formatOf(old)).to.deep.equal({ kind: "nps1", keyId: previous.currentKeyId });
    expect(previous.currentKeyId).not.to.equal(cipher.currentKeyId);
    expect(() => cipher.decrypt(old, at("r9"))).to.throw(DecryptionError, /not configured/);
    expect(rotating.decrypt(old, at("r9"))).to.equal("written long ago");
    expect(rotating.isCurrent(old)).to.equal(false);
    expect(rotating.isCurrent(rotating.encrypt("new", at("r9")))).to.equal(true);
    expect(rotating.keyIds).to.deep.equal([cipher.currentKeyId, previous.currentKeyId]);
  });

  it("stores plaintext when ENCRYPTION_ENABLED=false, and says so", async () => {
    const warnings: string[] = [];
    const logger = { warn: (msg: string) => warnings.push(msg) } as unknown as Parameters<typeof createFieldCipher>[1];
    const off = await createFieldCipher({ enabled: false, key: TEST_KEY.key, salt: TEST_KEY.salt, previousKey: "", previousSalt: "" }, logger);
    expect(off.encrypting).to.equal(false);
    expect(off.encrypt("plain question", at("r1"))).to.equal("plain question");
    expect(warnings.join("\n")).to.match(/ENCRYPTION_ENABLED=false.*plaintext/);
    // Values written while it was on still read back, since the key is known.
    expect(off.decrypt(cipher.encrypt("earlier", at("r1")), at("r1"))).to.equal("earlier");
  });

  it("warns and stores plaintext when encryption is on but no key is set", async () => {
    const warnings: string[] = [];
    const logger = { warn: (msg: string) => warnings.push(msg) } as unknown as Parameters<typeof createFieldCipher>[1];
    const none = await createFieldCipher({ enabled: true, key: "", salt: "", previousKey: "", previousSalt: "" }, logger);
    expect(none.encrypt("x", at("r"))).to.equal("x");
    expect(warnings.join("\n")).to.match(/NPS_ENCRYPTION_KEY is empty/);
    expect(() => none.decrypt(cipher.encrypt("y", at("r")), at("r"))).to.throw(DecryptionError, /not configured/);
  });

  it("derives each key once per process (callers share one result)", async () => {
    const [a, b] = await Promise.all([deriveKey(TEST_KEY.key, TEST_KEY.salt), deriveKey(TEST_KEY.key, TEST_KEY.salt)]);
    expect(a).to.equal(b); // the same Buffer object, not just equal bytes
    expect(await deriveKey(TEST_KEY.key, TEST_KEY.salt)).to.equal(a);
    expect(await deriveKey(TEST_KEY.key, `${TEST_KEY.salt}x`)).not.to.equal(a);
  });

  it("makes keyed search tokens that differ per key and reveal nothing", async () => {
    const token = cipher.blindTokenForWrite("garden");
    expect(token).to.match(/^[0-9a-f]{20}$/);
    expect(cipher.blindTokensForSearch("garden")).to.deep.equal([token]);
    const previous = await testCipher({ key: TEST_PREVIOUS_KEY.key, salt: TEST_PREVIOUS_KEY.salt });
    expect(previous.blindTokenForWrite("garden")).not.to.equal(token);
    expect(FieldCipher.plaintext().blindTokenForWrite("garden")).to.equal("garden");
  });
});
