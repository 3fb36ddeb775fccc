import { Transform, type TransformCallback } from "node:stream";

/**
 * Counts the rows of every table in a plain pg_dump as it streams past: the lines between
 * `COPY public.<table> (...) FROM stdin;` and the `\.` that ends the block (COPY's text format
 * escapes backslashes in data, so a line that is exactly `\.` only ever ends a block). The counts
 * describe exactly what the file holds, with no second read of the tables.
 */
export class CopyRowCounter extends Transform {
  readonly counts: Record<string, number> = {};
  private table: string | undefined;
  private partial = "";

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      if (this.table !== undefined && this.partial === "") {
        // The common case inside a block: only the terminator needs looking at.
        if (nl - start === 2 && chunk[start] === 0x5c && chunk[start + 1] === 0x2e) this.table = undefined;
        else this.counts[this.table]++;
      } else {
        this.line(this.partial + chunk.toString("utf8", start, nl));
        this.partial = "";
      }
      start = nl + 1;
    }
    if (start < chunk.length) this.partial += chunk.toString("utf8", start);
    done(null, chunk);
  }

  private line(text: string): void {
    if (this.table !== undefined) {
      if (text === "\\.") this.table = undefined;
      else this.counts[this.table]++;
      return;
    }
    const m = /^COPY public\.("?)([^\s"(]+)\1 .* FROM stdin;$/.exec(text);
    if (m) {
      this.table = m[2];
      this.counts[this.table] ??= 0;
    }
  }
}
