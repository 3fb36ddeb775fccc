import type { Messages } from "../i18n/en";

/** A failed API call: the HTTP status (0 when the server could not be reached) and the API's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
    /** Seconds to wait, from Retry-After on a 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** What the page tells a person about a failure: never a blank page, always the reason and what to do. */
export function describeError(err: unknown, m: Messages, format: (t: string, v: Record<string, string | number>) => string): string {
  if (!(err instanceof ApiError)) return m.errors.unexpected;
  switch (err.status) {
    case 0:
      return m.errors.network;
    case 400:
      return Object.keys(err.fields).length > 0 ? m.errors.invalid : err.message || m.errors.invalid;
    case 401:
      return m.errors.unauthorized;
    case 403:
      return m.errors.forbidden;
    case 404:
      return m.errors.notFound;
    case 410:
      return m.errors.gone;
    case 423:
      return m.errors.locked;
    case 429:
      return format(m.errors.tooMany, { seconds: err.retryAfter ?? 60 });
    default:
      return err.status >= 500 ? m.errors.server : err.message || m.errors.unexpected;
  }
}
