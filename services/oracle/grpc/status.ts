/**
 * How errors become gRPC statuses and back. Bad input is INVALID_ARGUMENT whose message starts
 * with the field path, and whose trailing metadata "nps-field" carries the path alone, so the
 * client can raise the very InvalidInputError the service raised.
 */
import { Metadata, status, type ServiceError, type StatusObject } from "@grpc/grpc-js";
import { InvalidInputError } from "../../lib/errors";

export const FIELD_METADATA = "nps-field";

export function invalidArgument(err: InvalidInputError): Partial<StatusObject> {
  const metadata = new Metadata();
  metadata.set(FIELD_METADATA, err.field);
  return { code: status.INVALID_ARGUMENT, details: err.message, metadata };
}

export function internalError(): Partial<StatusObject> {
  return { code: status.INTERNAL, details: "the oracle failed to compute this reading" };
}

/** The InvalidInputError behind an INVALID_ARGUMENT status, or undefined for any other status. */
export function invalidInputFrom(err: ServiceError): InvalidInputError | undefined {
  if (err.code !== status.INVALID_ARGUMENT) return undefined;
  const field = err.metadata?.get(FIELD_METADATA)[0];
  const details = err.details ?? "";
  if (typeof field === "string" && details.startsWith(`${field}: `)) return new InvalidInputError(field, details.slice(field.length + 2));
  return new InvalidInputError(typeof field === "string" ? field : "request", details);
}

const STATUS_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(status)
    .filter(([, v]) => typeof v === "number")
    .map(([k, v]) => [v as number, k]),
);

/** "OK", "INVALID_ARGUMENT", ... for a numeric status code. */
export function statusName(code: number): string {
  return STATUS_NAMES[code] ?? String(code);
}
