import { CliError } from "../../cli-error";
import { EXIT_FAILURE, parseWholeNumber, withCliDatabase } from "../db/cli-support";
import { rotateEncryption, RotationError, type RotationProgress } from "../db/encryption-rotation";
import { createFieldCipher } from "./create-field-cipher";

/**
 * The work behind `nps encryption rotate`: progress on a terminal (stderr), nothing but the
 * summary in a pipe. Ctrl-C stops after the batch in progress; running it again resumes.
 */

const EXIT_INTERRUPTED = 130;

function progressLine(p: RotationProgress): string {
  const pct = p.total === 0 ? 100 : Math.floor((100 * p.scanned) / p.total);
  return `\r${p.table}: ${p.scanned}/${p.total} rows (${pct}%), ${p.rewritten} rewritten   `;
}

export async function runRotate(opts: { batchSize: string }): Promise<void> {
  const batchSize = parseWholeNumber("batch-size", opts.batchSize);
  if (batchSize === undefined || batchSize < 1 || batchSize > 10_000) throw new CliError("--batch-size: expected 1 to 10000", 2);
  const tty = Boolean(process.stderr.isTTY);
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
    if (tty) process.stderr.write("\nstopping after the current batch (Ctrl-C again to quit at once)\n");
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await withCliDatabase({ migrate: true, secretsOf: "scheduler" }, async ({ config, db }) => {
      const cipher = await createFieldCipher(config.encryption);
      let lastTable = "";
      const result = await rotateEncryption(db, cipher, {
        batchSize,
        signal: controller.signal,
        onProgress: tty
          ? (p) => {
              if (lastTable && p.table !== lastTable) process.stderr.write("\n");
              lastTable = p.table;
              process.stderr.write(progressLine(p));
            }
          : undefined,
      }).catch((err: unknown) => {
        if (err instanceof RotationError) throw new CliError(err.message, EXIT_FAILURE);
        throw err;
      });
      if (tty) process.stderr.write("\n");
      process.stdout.write(`scanned ${result.scanned} rows, re-encrypted ${result.rewritten} under key ${cipher.currentKeyId}\n`);
      for (const f of result.failures) process.stderr.write(`not rotated: ${f.table} ${f.id}: ${f.reason}\n`);
      if (result.interrupted) throw new CliError("interrupted; run `nps encryption rotate` again to finish", EXIT_INTERRUPTED);
      if (result.failures.length > 0) throw new CliError(`${result.failures.length} rows could not be decrypted and were left as they were`, EXIT_FAILURE);
    });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
