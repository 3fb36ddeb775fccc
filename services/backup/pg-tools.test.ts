import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { findPgTools, majorOf, MissingToolError, toolConnection } from "./pg-tools";

describe("pg_dump and psql of the server's version", () => {
  it("finds the installed PostgreSQL 15 tools", async () => {
    const tools = await findPgTools(15);
    expect(tools.pgDump).to.match(/pg_dump$/);
    expect(tools.psql).to.match(/psql$/);
  });

  it("names the missing tool and the package that brings it", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "nps-no-tools-"));
    try {
      let err: unknown;
      await findPgTools(15, { dirs: [empty], pathEnv: empty }).catch((e) => (err = e));
      expect(err).to.be.instanceOf(MissingToolError);
      expect((err as Error).message).to.match(/^pg_dump for PostgreSQL 15 not found .*: install postgresql-client-15$/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it("refuses a tool of another major version", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-old-tools-"));
    try {
      for (const tool of ["pg_dump", "psql"]) {
        fs.writeFileSync(path.join(dir, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) 13.9"\n`, { mode: 0o755 });
      }
      let err: unknown;
      await findPgTools(15, { dirs: [dir], pathEnv: "" }).catch((e) => (err = e));
      expect((err as Error).message).to.include("found only").and.include("is 13");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(majorOf("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)")).to.equal(15);
  });

  it("keeps the password off the command line", () => {
    const c = toolConnection("postgres://nps:s3cr%40t@db.internal:5432/nps?sslmode=require", "nps-backup");
    expect(c.dbArg).to.equal("postgres://nps@db.internal:5432/nps?sslmode=require");
    expect(c.env.PGPASSWORD).to.equal("s3cr@t");
  });
});
