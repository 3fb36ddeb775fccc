import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";
import { ConflictError, DatabaseUnavailableError } from "../../lib/db/errors";
import { InvalidInputError } from "../../lib/errors";
import type { Logger } from "../../lib/logger";
import { HttpError, type FieldErrors } from "./errors";

/** The body every error response carries. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly fields?: FieldErrors };
}

/** body-parser's error types, by what they mean for the caller. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  "entity.parse.failed": { status: 400, code: "malformed_json", message: "the request body is not valid JSON" },
  "entity.too.large": { status: 413, code: "payload_too_large", message: "the request body is too large" },
  "parameters.too.many": { status: 413, code: "payload_too_large", message: "the request has too many parameters" },
  "encoding.unsupported": { status: 415, code: "unsupported_media_type", message: "unsupported content encoding" },
  "charset.unsupported": { status: 415, code: "unsupported_media_type", message: "unsupported charset" },
  "request.aborted": { status: 400, code: "aborted", message: "the request was aborted" },
  "request.size.invalid": { status: 400, code: "invalid_input", message: "the request body length does not match Content-Length" },
};

/** Zod issues as {field: message}, the field named as the caller wrote it (dotted for nested values). */
export function zodFields(error: ZodError, drop = 0): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.slice(drop).map(String).join(".") || "body";
    fields[name] ??= issue.message;
  }
  return fields;
}

export function describeFields(fields: FieldErrors): string {
  return Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
}

/** Converts any thrown value into a status, headers and the one error body. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody; headers?: Readonly<Record<string, string>> } {
  if (err instanceof HttpError) {
    return { status: err.status, headers: err.headers, body: { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } } };
  }
  if (err instanceof InvalidInputError) {
    return { status: 400, body: { error: { code: "invalid_input", message: err.message, fields: { [err.field]: err.reason } } } };
  }
  if (err instanceof ConflictError) {
    return { status: 409, body: { error: { code: "conflict", message: err.message, fields: { [err.field]: err.reason } } } };
  }
  if (err instanceof DatabaseUnavailableError) {
    return { status: 503, headers: { "Retry-After": "5" }, body: { error: { code: "unavailable", message: "the database is unavailable; try again shortly" } } };
  }
  if (err instanceof ZodError) {
    const fields = zodFields(err);
    return { status: 400, body: { error: { code: "invalid_input", message: describeFields(fields), fields } } };
  }
  if (isObject(err)) {
    const known = typeof err.type === "string" ? BODY_ERRORS[err.type] : undefined;
    if (known) return { status: known.status, body: { error: { code: known.code, message: known.message } } };
    // Errors from express and its parsers that carry their own client status (a malformed URL escape, say).
    const status = typeof err.status === "number" ? err.status : typeof err.statusCode === "number" ? err.statusCode : 0;
    if (status >= 400 && status < 500) {
      const message = err.expose === true && typeof err.message === "string" ? err.message : "the request could not be understood";
      return { status, body: { error: { code: status === 404 ? "not_found" : "invalid_input", message } } };
    }
  }
  return { status: 500, body: { error: { code: "internal", message: "an internal error occurred" } } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** The last middleware: one place that shapes every error. Server faults are logged, client faults are not. */
export function errorConverter(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const { status, body, headers } = toErrorResponse(err);
    if (status >= 500) logger.error({ err, method: req.method, url: req.originalUrl }, "request failed");
    if (headers) res.set(headers);
    res.status(status).json(body);
  };
}

/** Unknown routes: the same error shape as everything else. */
export const notFoundHandler: RequestHandler = (req, res) => {
  const body: ErrorBody = { error: { code: "not_found", message: `no route ${req.method} ${req.path}` } };
  res.status(404).json(body);
};
