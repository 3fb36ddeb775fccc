import fs from "node:fs";
import path from "node:path";
import { ENCRYPT_EXISTING_MARKER } from "../config/local-secrets";
import type { FieldCipher } from "../crypto/field-cipher";
import type { Logger } from "../logger";
import type { Database } from "./database";
import { rotateEncryption } from "./encryption-rotation";

/**
 * When the embedded default's encryption key first appears (./local-secrets.ts leaves a marker),
 * the rows an earlier start stored in plaintext are encrypted under it: the same pass as
 * `nps encryption rotate`. The marker goes only once every row is done, so an interrupted pass
 * resumes at the next start.
 */
export async function encryptRowsStoredBeforeTheKey(dataDir: string, db: Database, cipher: FieldCipher, logger: Logger): Promise<void> {
  const marker = path.join(dataDir, ENCRYPT_EXISTING_MARKER);
  if (!fs.existsSync(marker) || !cipher.encrypting) return;
  const result = await rotateEncryption(db, cipher);
  if (result.interrupted || result.failures.length > 0) {
    logger.warn({ failures: result.failures.length }, "some stored rows could not be encrypted; run `nps encryption rotate` to see which");
    return;
  }
  if (result.rewritten > 0) logger.info({ rows: result.rewritten, key: cipher.currentKeyId }, "encrypted the rows stored before the encryption key existed");
  fs.rmSync(marker, { force: true });
}
