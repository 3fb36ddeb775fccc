import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { baseEnv, runNps } from "../lib/testing/nps-process";
import { useTestDatabase } from "../lib/testing/test-database";
import { startLocalBotApi, type LocalBotApi } from "../telegram-bot/testing/local-bot-api";
import { totalRows } from "./backup-files";
import { sidecarOnDisk } from "./testing/sidecar-file";
import { humanBytes, restoreFailed, restoreSucceeded } from "./messages";
import { sidecarPathOf } from "./sidecar-io";
import { fillDatabase } from "./testing/fill-database";
import { tableChecksums } from "./testing/table-checksums";


/**
 * `--notify` of the real `nps backup` and `nps restore` processes, through a local Bot API
 * (telegram-test-api behind its front): what the admin chat receives on success and on failure,
 * and that a Telegram refusal never changes a restore's outcome.
 */
describe("nps backup --notify and nps restore --notify tell the admin chat", function () {
  this.timeout(180_000);
  const t = useTestDatabase();
  const token = `7${Math.floor(Math.random() * 1e8)}:backup-notify`;
  const adminChat = 990_000_012;
  let tg: LocalBotApi;
  let work: string;
  let oracleFile: string;
  const env = () =>
    baseEnv({ DATABASE_URL: t.url, TELEGRAM_ENABLED: "true", NPS_BOT_TOKEN: token, NPS_ADMIN_CHAT_ID: String(adminChat), TELEGRAM_API_ROOT: tg.apiRoot });
  const nps = (args: string[]) => runNps(args, env(), { cwd: work });
  /** What the bot sent so far, in order, as [chat, text]. */
  const sent = () => tg.server.storage.botMessages.map((m) => [Number((m.message as { chat_id: number | string }).chat_id), String((m.message as { text: string }).text)] as const);

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "nps-backup-notify-"));
    tg = await startLocalBotApi();
    await fillDatabase(t.db, { readings: 200 });
  });
  after(async () => {
    await tg?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("a backup's success: its name, size, tables and rows, and where it went", async () => {
    const r = await nps(["backup", "--type", "oracle", "--dir", work, "--non-interactive", "--notify"]);
    expect(r.code, r.stderr).to.equal(0);
    oracleFile = r.stdout.split(" (")[0]!;
    const s = sidecarOnDisk(oracleFile);
    const messages = sent();
    expect(messages, JSON.stringify(messages)).to.have.length(1);
    const [chat, text] = messages[0]!;
    expect(chat).to.equal(adminChat);
    const rows = totalRows(s);
    expect(text).to.match(new RegExp(`^✅ NPS oracle backup ${s.filename.replace(/\./g, "\\.")}: ${humanBytes(s.size_bytes).replace(/\./g, "\\.")}, 7 tables, ${rows} rows in \\d+\\.\\d s\\n`));
    expect(text.split("\n").slice(1)).to.deep.equal([oracleFile]);
  });

  it("a backup's failure: FAILED and the reason", async () => {
    // A backup directory that cannot be made: what a missing or read-only volume looks like.
    const blocked = path.join(work, "not-a-directory");
    fs.writeFileSync(blocked, "");
    const before = sent().length;
    const r = await nps(["backup", "--type", "full", "--dir", path.join(blocked, "backups"), "--non-interactive", "--notify"]);
    expect(r.code).to.equal(1);
    const messages = sent().slice(before);
    expect(messages, JSON.stringify(messages)).to.have.length(1);
    const [chat, text] = messages[0]!;
    expect(chat).to.equal(adminChat);
    expect(text).to.match(/^❌ NPS full backup FAILED: .*not-a-directory/);
    expect(r.stderr).to.include("not-a-directory");
  });

  it("a restore's success: the backup, the database and its rows, and the JSON summary on stdout", async () => {
    await t.db.query("DELETE FROM oracle_readings WHERE reading_type = 'time'");
    const before = sent().length;
    const r = await nps(["restore", oracleFile, "--non-interactive", "--notify"]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.equal("");
    const summary = JSON.parse(r.stdout) as { backup: string; database: string; rows: Record<string, number> };
    expect(summary.rows).to.deep.include({ oracle_readings: 200 });
    expect(sent().slice(before)).to.deep.equal([[adminChat, restoreSucceeded(summary.backup, t.name, summary.rows)]]);
  });

  it("a refused restore: FAILED, nothing was changed, and why", async () => {
    const damaged = path.join(work, "damaged", path.basename(oracleFile));
    fs.mkdirSync(path.dirname(damaged));
    const bytes = fs.readFileSync(oracleFile);
    bytes[bytes.length >> 1]! ^= 0xff;
    fs.writeFileSync(damaged, bytes);
    fs.copyFileSync(sidecarPathOf(oracleFile), sidecarPathOf(damaged));
    const sums = await tableChecksums(t.db, { where: { oracle_audit_log: "action <> 'backup.restore'" } });
    const before = sent().length;
    const r = await nps(["restore", damaged, "--non-interactive", "--notify"]);
    expect(r.code).to.equal(1);
    const reason = /^nps: (.*)\n$/.exec(r.stderr)?.[1];
    expect(reason, r.stderr).to.match(/sha256 .* does not match its sidecar's .*: the file is damaged; refusing it$/);
    expect(sent().slice(before)).to.deep.equal([[adminChat, restoreFailed(path.basename(damaged), reason!)]]);
    expect(await tableChecksums(t.db, { where: { oracle_audit_log: "action <> 'backup.restore'" } })).to.deep.equal(sums);
  });

  it("when Telegram refuses the message, the restore still succeeds and says the chat was not told", async () => {
    tg.failNext("sendMessage", { status: 400, description: "Bad Request: chat not found" }, adminChat);
    const before = sent().length;
    const r = await nps(["restore", oracleFile, "--non-interactive", "--notify"]);
    expect(r.code, r.stderr).to.equal(0);
    expect(JSON.parse(r.stdout)).to.include({ status: "success" });
    expect(r.stderr).to.match(/^nps: admin chat not told: .*chat not found.*\n$/);
    expect(sent().length).to.equal(before);
  });

  it("a 429 from Telegram is waited out for its retry_after, as for every NPS message, and the message arrives", async () => {
    tg.failNext("sendMessage", { status: 429, description: "Too Many Requests: retry after 1", retryAfter: 1 }, adminChat);
    const before = sent().length;
    const calls = tg.calls.get("sendMessage") ?? 0;
    const r = await nps(["restore", oracleFile, "--non-interactive", "--notify"]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.equal("");
    const summary = JSON.parse(r.stdout) as { backup: string; rows: Record<string, number> };
    expect(sent().slice(before)).to.deep.equal([[adminChat, restoreSucceeded(summary.backup, t.name, summary.rows)]]);
    expect(tg.calls.get("sendMessage"), "the refused call and its retry").to.equal(calls + 2);
  });

  it("without an admin chat configured, a backup with --notify still succeeds and says the chat was not told", async () => {
    const r = await runNps(["backup", "--type", "oracle", "--dir", path.join(work, "unconfigured"), "--non-interactive", "--notify"], { ...env(), NPS_ADMIN_CHAT_ID: "" }, { cwd: work });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/oracle_full_\d{8}_\d{6}\.sql\.gz \(/);
    expect(r.stderr).to.equal("nps: admin chat not told: the admin chat is not configured (TELEGRAM_ENABLED, NPS_BOT_TOKEN and NPS_ADMIN_CHAT_ID or NPS_CHAT_ID)\n");
  });
});
