import { ensureAppRole } from "./app-role";
import { parseWholeNumber, withCliDatabase } from "./cli-support";
import { migrateDown, migrateUp, migrationStatus } from "./migrator";

/** The work behind `nps migrate ...` (loaded only when such a command runs). */

export async function runMigrate(direction: "up" | "down", rawTo: string | undefined): Promise<void> {
  const to = parseWholeNumber("to", rawTo);
  await withCliDatabase({ migrate: false, secretsOf: "backup", anySchema: true }, async ({ db, logger, config }) => {
    const names = direction === "up" ? await migrateUp(db, { to, logger }) : await migrateDown(db, { to, logger });
    if (direction === "up" && config.appRole) {
      await ensureAppRole(db, config.appRole);
      process.stdout.write(`role ${config.appRole.user}: may read and write every table\n`);
    }
    if (names.length === 0) {
      process.stdout.write(direction === "up" ? "nothing to apply: the schema is up to date\n" : "nothing to roll back\n");
      return;
    }
    const verb = direction === "up" ? "applied" : "rolled back";
    process.stdout.write(`${verb} ${names.length} migration${names.length === 1 ? "" : "s"}:\n${names.map((n) => `  ${n}\n`).join("")}`);
  });
}

export async function runStatus(json: boolean): Promise<void> {
  await withCliDatabase({ migrate: false, secretsOf: "backup", anySchema: true }, async ({ db }) => {
    const states = await migrationStatus(db);
    if (json) {
      process.stdout.write(`${JSON.stringify(states.map((s) => ({ id: s.id, name: s.name, applied_at: s.appliedAt?.toISOString() ?? null })), null, 2)}\n`);
      return;
    }
    const width = Math.max(...states.map((s) => s.name.length));
    for (const s of states) process.stdout.write(`${s.name.padEnd(width)}  ${s.appliedAt ? `applied ${s.appliedAt.toISOString()}` : "pending"}\n`);
    const pending = states.filter((s) => s.appliedAt === null).length;
    process.stdout.write(pending === 0 ? "up to date\n" : `${pending} pending\n`);
  });
}
