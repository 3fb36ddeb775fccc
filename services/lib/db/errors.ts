import { FieldError, InvalidInputError } from "../errors";
import { describeConstraint } from "./constraint-errors";

/**
 * Typed errors of the data layer. Every driver error passes through translateDbError, so
 * callers never see a raw pg error for something a user can cause:
 * - unique violation          -> ConflictError(field)       (API: 409)
 * - check / not-null / bad FK -> InvalidInputError(field)   (API: 400)
 * - connection trouble        -> DatabaseUnavailableError   (API: 503, ready: degraded)
 * Anything else is a bug and passes through unchanged.
 */

/** A value that must be unique already exists (API: 409), naming the field. */
export class ConflictError extends FieldError {
  override readonly name = "ConflictError";
}

export class DatabaseUnavailableError extends Error {
  override readonly name = "DatabaseUnavailableError";
  constructor(cause: unknown) {
    super(`the database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

interface PgErrorFields {
  code?: string;
  constraint?: string;
  column?: string;
  table?: string;
  message?: string;
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "57P01", "57P02", "57P03", "53300"]);

function isConnectionFailure(err: PgErrorFields): boolean {
  if (err.code && (CONNECTION_CODES.has(err.code) || err.code.startsWith("08"))) return true;
  const message = err.message ?? "";
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i.test(message);
}

export function translateDbError(err: unknown): unknown {
  if (typeof err !== "object" || err === null) return err;
  const e = err as PgErrorFields;
  switch (e.code) {
    case "23505": {
      const known = describeConstraint(e.constraint);
      return new ConflictError(known?.field ?? "id", known?.message ?? "already exists");
    }
    case "23514":
    case "23P01": {
      const known = describeConstraint(e.constraint);
      return new InvalidInputError(known?.field ?? e.table ?? "input", known?.message ?? "is not allowed");
    }
    case "23503": {
      const known = describeConstraint(e.constraint);
      return new InvalidInputError(known?.field ?? "id", known?.message ?? "refers to something that does not exist");
    }
    case "23502":
      return new InvalidInputError(e.column ?? "input", "is required");
    case "22001":
      return new InvalidInputError(e.column ?? "input", "is too long");
    case "22P02":
      return new InvalidInputError(e.column ?? "id", "is not in a valid format");
    case "22007":
    case "22008":
      return new InvalidInputError(e.column ?? "date", "is not a valid date or time");
    case "22003":
      return new InvalidInputError(e.column ?? "input", "is out of range");
    case "22021":
    case "22P05":
      return new InvalidInputError(e.column ?? "input", "contains a character the database cannot store (such as NUL)");
  }
  if (isConnectionFailure(e)) return new DatabaseUnavailableError(err);
  return err;
}

export function isConflict(err: unknown): err is ConflictError {
  return err instanceof ConflictError;
}
