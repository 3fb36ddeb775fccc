/**
 * What the tests need on the machine beyond Node and the npm packages: one line per command,
 * with the Debian package that brings it. `npm test` (and `.ci/run`) install whatever is missing
 * before anything runs, or stop at once with the one install command. A test that starts using
 * a new tool adds its line here and nowhere else.
 */
export interface Requirement {
  /** A command the tests run, looked up on PATH and in the sbin folders. */
  readonly command: string;
  /** The Debian package that installs it. */
  readonly apt: string;
  /** Who needs it: shown when it is missing. */
  readonly usedBy: string;
}

export const REQUIREMENTS: readonly Requirement[] = [
  { command: "pg_ctlcluster", apt: "postgresql", usedBy: ".ci/run (starts PostgreSQL 15)" },
  { command: "pg_isready", apt: "postgresql-client", usedBy: ".ci/run, database tests" },
  { command: "pg_dump", apt: "postgresql-client", usedBy: "migration and backup tests" },
  { command: "psql", apt: "postgresql-client", usedBy: "restore and backup verification tests" },
  { command: "redis-server", apt: "redis-server", usedBy: "cache tests (private Redis servers)" },
  { command: "redis-cli", apt: "redis-tools", usedBy: ".ci/run" },
  { command: "nginx", apt: "nginx", usedBy: "nginx config tests" },
  { command: "promtool", apt: "prometheus", usedBy: "metrics and alert rule tests" },
  { command: "prometheus", apt: "prometheus", usedBy: "monitoring tests" },
  { command: "amtool", apt: "prometheus-alertmanager", usedBy: "Alertmanager config tests" },
  { command: "prometheus-alertmanager", apt: "prometheus-alertmanager", usedBy: "alert delivery tests" },
  { command: "openssl", apt: "openssl", usedBy: "TLS tests" },
  { command: "pgbouncer", apt: "pgbouncer", usedBy: "PgBouncer tests" },
  { command: "dockerd", apt: "docker.io", usedBy: "the real-engine test of the dev stack" },
  { command: "chromium", apt: "chromium", usedBy: "the web page's browser tests (playwright-core drives Debian's chromium)" },
  { command: "debootstrap", apt: "debootstrap", usedBy: "local base images (nps images build --local)" },
];

/** Services the tests talk to; a machine of this kind runs them, `.ci/run` starts them. */
export const SERVICES: ReadonlyArray<{ readonly name: string; readonly host: string; readonly port: number }> = [
  { name: "PostgreSQL", host: "127.0.0.1", port: 5432 },
  { name: "Redis", host: "127.0.0.1", port: 6379 },
];
