import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { useTestDatabase } from "../lib/testing/test-database";
import { dumpFileName, sidecarNameOf } from "./backup-files";
import { runBackupJob, type Bucket } from "./job";
import { listAll, listBucket, pruneBucket, pruneLocal } from "./listing";
import { expired } from "./retention";
import { restoreBackup } from "./restore";
import { createS3Client, downloadFile, keyOf, listObjects, PART_SIZE, putText, uploadFile } from "./s3-store";
import { sha256File } from "./backup-check";
import { verifyBackup } from "./verify";
import { fillDatabase } from "./testing/fill-database";
import { startTestS3, type TestS3 } from "./testing/s3-server";
import { tableChecksums } from "./testing/table-checksums";
import { BACKUP_KINDS } from "../lib/backup-kinds";

const DAY = 24 * 3600 * 1000;
const RETENTION = { oracle: 30, full: 60 } as const;
const KMS_KEY = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";

describe("retention", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const at = (days: number, seconds = 0) => new Date(now.getTime() - days * DAY - seconds * 1000);

  it("deletes exactly what is past its kind's age (oracle 30 days, full 60)", () => {
    const entries = [
      { type: "oracle" as const, timestamp: at(29), id: "oracle-29d" },
      { type: "oracle" as const, timestamp: at(30), id: "oracle-30d" },
      { type: "oracle" as const, timestamp: at(30, 1), id: "oracle-30d+1s" },
      { type: "full" as const, timestamp: at(31), id: "full-31d" },
      { type: "full" as const, timestamp: at(60), id: "full-60d" },
      { type: "full" as const, timestamp: at(60, 1), id: "full-60d+1s" },
    ];
    expect(expired(entries, RETENTION, now).map((e) => e.id)).to.deep.equal(["oracle-30d+1s", "full-60d+1s"]);
  });

  it("the catalog's kinds carry the seed's retention, which the bucket's lifecycle rules read too", () => {
    expect(Object.fromEntries(BACKUP_KINDS.map((k) => [k.kind, k.retentionDays]))).to.deep.equal(RETENTION);
  });

  it("on disk: removes the expired files with their sidecars and nothing else", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-retention-"));
    try {
      const make = (kind: "oracle" | "full", when: Date) => {
        const name = dumpFileName(kind, when);
        const sub = path.join(dir, kind === "oracle" ? "oracle" : "");
        fs.mkdirSync(sub, { recursive: true });
        fs.writeFileSync(path.join(sub, name), "x");
        fs.writeFileSync(path.join(sub, sidecarNameOf(name)), "{}");
        return path.join(sub, name);
      };
      const keep = [make("oracle", at(29)), make("oracle", at(30)), make("full", at(59)), make("full", at(60))];
      const drop = [make("oracle", at(31)), make("oracle", at(30, 1)), make("full", at(61))];
      fs.writeFileSync(path.join(dir, "notes.txt"), "not a backup");
      const removed = await pruneLocal(dir, RETENTION, now);
      expect(removed.sort()).to.deep.equal([...drop].sort());
      for (const f of keep) expect(fs.existsSync(f) && fs.existsSync(f.replace(".sql.gz", ".meta.json")), f).to.equal(true);
      for (const f of drop) expect(fs.existsSync(f) || fs.existsSync(f.replace(".sql.gz", ".meta.json")), f).to.equal(false);
      expect(fs.existsSync(path.join(dir, "notes.txt"))).to.equal(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("backups in S3 (s3rver)", function () {
  this.timeout(120_000);
  const t = useTestDatabase();
  let s3: TestS3;
  let bucket: Bucket;
  let dir: string;

  before(async () => {
    s3 = await startTestS3();
    const settings = { endpoint: s3.endpoint, kmsKeyId: KMS_KEY, credentials: s3.credentials, region: "eu-west-1" };
    bucket = { client: createS3Client(settings), settings, loc: { bucket: s3.bucket, prefix: "" } };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-s3-backups-"));
    await fillDatabase(t.db, { readings: 500 });
  });
  after(async () => {
    bucket.client.destroy();
    await s3.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a multipart upload streamed from disk round-trips byte for byte, with SSE-KMS on the request", async () => {
    const file = path.join(dir, "big.bin");
    fs.writeFileSync(file, randomBytes(PART_SIZE * 2 + 12345));
    s3.seen.length = 0;
    await uploadFile(bucket.client, bucket.settings, bucket.loc, "probe/big.bin", file, "application/octet-stream");
    const create = s3.seen.filter((r) => r.method === "POST" && /[?&]uploads(=|&|$)/.test(r.url));
    const parts = s3.seen.filter((r) => r.method === "PUT" && /partNumber=/.test(r.url));
    expect(create, "CreateMultipartUpload").to.have.length(1);
    expect(parts.length).to.equal(3);
    expect(create[0].headers["x-amz-server-side-encryption"]).to.equal("aws:kms");
    expect(create[0].headers["x-amz-server-side-encryption-aws-kms-key-id"]).to.equal(KMS_KEY);
    const back = path.join(dir, "big.back");
    await downloadFile(bucket.client, bucket.loc, "probe/big.bin", back);
    expect(await sha256File(back)).to.deep.equal(await sha256File(file));
  });

  it("a backup run uploads file and sidecar under the kind's prefix; list, verify and restore read them back", async () => {
    s3.seen.length = 0;
    const result = await runBackupJob({
      kind: "oracle",
      url: t.url,
      backupDir: dir,
      retentionDays: RETENTION,
      bucket,
      verify: true,
      actor: { id: null, username: "test" },
    });
    const key = keyOf(bucket.loc, "oracle", result.sidecar.filename);
    expect(key).to.equal(`oracle/${result.sidecar.filename}`);
    expect(result.uploaded).to.deep.equal([`s3://${s3.bucket}/${key}`]);
    const puts = s3.seen.filter((r) => r.method === "PUT" && !/partNumber=/.test(r.url));
    expect(puts.map((r) => decodeURIComponent(r.url.split("?")[0]))).to.include.members([`/${s3.bucket}/${key}`, `/${s3.bucket}/oracle/${sidecarNameOf(result.sidecar.filename)}`]);
    for (const p of puts) expect(p.headers["x-amz-server-side-encryption-aws-kms-key-id"], p.url).to.equal(KMS_KEY);

    const remote = await listBucket(bucket.client, bucket.loc);
    expect(remote.map((e) => e.name)).to.include(result.sidecar.filename);
    expect(remote.find((e) => e.name === result.sidecar.filename)?.sidecar?.verification?.ok).to.equal(true);
    const all = await listAll(dir, bucket);
    expect(all.filter((e) => e.name === result.sidecar.filename).map((e) => e.location).sort()).to.deep.equal(["local", "s3"]);

    // Download into an empty place, then verify and restore from there.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "nps-s3-download-"));
    try {
      const local = path.join(elsewhere, result.sidecar.filename);
      await downloadFile(bucket.client, bucket.loc, key, local);
      await downloadFile(bucket.client, bucket.loc, `oracle/${sidecarNameOf(result.sidecar.filename)}`, local.replace(".sql.gz", ".meta.json"));
      expect((await verifyBackup(local, t.url)).verification.ok).to.equal(true);
      const before = await tableChecksums(t.db);
      await t.db.query("DELETE FROM oracle_readings");
      await restoreBackup(local, t.url);
      const after = await tableChecksums(t.db);
      expect(after.oracle_readings).to.equal(before.oracle_readings);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("retention in the bucket deletes exactly the expired objects and their sidecars", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const put = (kind: "oracle" | "full", daysOld: number) => {
      const name = dumpFileName(kind, new Date(now.getTime() - daysOld * DAY - 1000));
      return Promise.all([
        putText(bucket.client, bucket.settings, bucket.loc, keyOf(bucket.loc, kind, name), "x"),
        putText(bucket.client, bucket.settings, bucket.loc, keyOf(bucket.loc, kind, sidecarNameOf(name)), "{}"),
      ]).then(() => name);
    };
    const keep = await Promise.all([put("oracle", 29), put("full", 59)]);
    const drop = await Promise.all([put("oracle", 30), put("full", 60)]);
    const removed = await pruneBucket(bucket.client, bucket.loc, RETENTION, now);
    expect(removed.map((u) => path.posix.basename(u)).sort()).to.deep.equal([...drop].sort());
    const keys = (await listObjects(bucket.client, bucket.loc)).map((o) => path.posix.basename(o.key));
    for (const name of keep) expect(keys).to.include.members([name, sidecarNameOf(name)]);
    for (const name of drop) expect(keys).to.not.include.members([name]).and.not.include(sidecarNameOf(name));
  });
});
