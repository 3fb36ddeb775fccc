/**
 * The errors a route throws to answer with something other than success. The error converter
 * (error-converter.ts) turns each into the one error shape: {"error": {"code", "message", "fields"?}}.
 */
export type FieldErrors = Readonly<Record<string, string>>;

export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export const badRequest = (field: string, message: string): HttpError =>
  new HttpError(400, "invalid_input", `${field}: ${message}`, { [field]: message });

export const unauthorized = (message = "authentication required"): HttpError =>
  new HttpError(401, "unauthorized", message, undefined, { "WWW-Authenticate": 'Bearer realm="nps"' });

export const forbidden = (message = "not allowed"): HttpError => new HttpError(403, "forbidden", message);

export const notFound = (what = "resource"): HttpError => new HttpError(404, "not_found", `${what} not found`);

export const conflict = (message: string, field?: string): HttpError =>
  new HttpError(409, "conflict", message, field ? { [field]: message } : undefined);

export const gone = (message: string): HttpError => new HttpError(410, "gone", message);

export const locked = (message: string, retryAfterSeconds?: number): HttpError =>
  new HttpError(423, "locked", message, undefined, retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : undefined);

export const tooManyRequests = (message: string, retryAfterSeconds: number): HttpError =>
  new HttpError(429, "rate_limited", message, undefined, { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) });

export const serviceUnavailable = (message: string): HttpError => new HttpError(503, "unavailable", message);

export const gatewayTimeout = (message: string): HttpError => new HttpError(504, "timeout", message);
