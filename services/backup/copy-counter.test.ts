import { expect } from "chai";
import { CopyRowCounter } from "./copy-counter";

const DUMP = [
  "-- nps-backup {}",
  "SET statement_timeout = 0;",
  "COPY public.users (id, username) FROM stdin;",
  "1\talice",
  "2\tbob\\\\.",
  "3\t\\\\.",
  "\\.",
  "COPY public.empty_table (id) FROM stdin;",
  "\\.",
  'COPY public."Odd" (id) FROM stdin;',
  "x",
  "\\.",
  "SELECT pg_catalog.setval('public.users_id_seq', 3, true);",
  "",
].join("\n");

function count(chunkSize: number): Record<string, number> {
  const c = new CopyRowCounter();
  const bytes = Buffer.from(DUMP);
  for (let i = 0; i < bytes.length; i += chunkSize) c.write(bytes.subarray(i, i + chunkSize));
  c.end();
  c.resume();
  return c.counts;
}

describe("row counts read off a streaming pg_dump", () => {
  it("counts the lines of each COPY block, however the stream is cut", () => {
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      expect(count(size), `chunks of ${size}`).to.deep.equal({ users: 3, empty_table: 0, Odd: 1 });
    }
  });
});
