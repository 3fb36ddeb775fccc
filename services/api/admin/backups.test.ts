import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client } from "../oracle/testing/feature-client";
import { migrationFiles } from "../../lib/db/migrator";

describe("admin backup routes", function () {
  this.timeout(120_000);
  const t = useTestDatabase();
  let api: TestApi;
  let admin: SignedInUser;
  let alice: SignedInUser;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-admin-backups-"));
    api = await startTestApi(t.db, { env: { BACKUP_DIR: dir } });
    [admin, alice] = await Promise.all([api.signIn("admin"), api.signIn("user")]);
  });
  after(async () => {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const auditActions = async () => (await t.db.query<{ action: string }>("SELECT action FROM oracle_audit_log WHERE action LIKE 'backup.%' ORDER BY id")).rows.map((r) => r.action);

  it("is for administrators only, and names a bad type", async () => {
    expect((await client(api).get("/api/admin/backups")).status).to.equal(401);
    expect((await client(api, alice).get("/api/admin/backups")).status).to.equal(403);
    expect((await client(api, alice).post("/api/admin/backups", { type: "full" })).status).to.equal(403);
    const bad = await client(api, admin).post("/api/admin/backups", { type: "everything" });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields).to.have.keys(["type"]);
  });

  it("nothing yet: an empty list and no verification, each call audited", async () => {
    const list = await client(api, admin).get("/api/admin/backups");
    expect(list.status).to.equal(200);
    expect(list.body).to.deep.equal({ backups: [], running: null });
    const v = await client(api, admin).get("/api/admin/backups/verification");
    expect(v.body).to.deep.equal({ verification: null });
    expect(await auditActions()).to.deep.equal(["backup.list", "backup.verification_view"]);
  });

  it("triggers a backup (202), refuses a second while it runs (409), then lists it verified", async () => {
    const started = await client(api, admin).post("/api/admin/backups", { type: "oracle" });
    expect(started.status).to.equal(202);
    expect(started.body).to.include({ status: "started", type: "oracle" });
    const again = await client(api, admin).post("/api/admin/backups", { type: "full" });
    expect(again.status).to.equal(409);
    let list;
    for (let i = 0; i < 600; i++) {
      list = await client(api, admin).get("/api/admin/backups");
      if (list.body.running === null && list.body.backups.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(list!.body.backups).to.have.length(1);
    const [b] = list!.body.backups;
    expect(b).to.include({ type: "oracle", location: "local", schema_version: migrationFiles().at(-1)!.name });
    expect(b.name).to.match(/^oracle_full_\d{8}_\d{6}\.sql\.gz$/);
    expect(b.verified.ok).to.equal(true);
    expect(fs.existsSync(path.join(dir, "oracle", b.name))).to.equal(true);

    const v = await client(api, admin).get("/api/admin/backups/verification");
    expect(v.body.verification).to.include({ backup: b.name, type: "oracle", ok: true, error: null });
    expect(v.body.verification.row_counts).to.deep.equal(v.body.verification.expected_row_counts);

    const actions = await auditActions();
    expect(actions).to.include.members(["backup.trigger", "backup.create", "backup.verification_view"]);
    const create = await t.db.query("SELECT actor_username, success FROM oracle_audit_log WHERE action = 'backup.create'");
    expect(create.rows).to.deep.equal([{ actor_username: admin.user.username, success: true }]);
  });
});
