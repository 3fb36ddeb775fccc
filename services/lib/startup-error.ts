/**
 * Why a service could not start, in one line a person can act on: what was starting, what got in
 * the way, and the variable or option that changes it. `nps start` prints the message alone (no
 * stack), stops whatever had already started, and exits 1.
 */
export class StartupError extends Error {
  override readonly name = "StartupError";
}

/** A port a service opens, named for the person who has to move it. */
export interface ListenTarget {
  /** What is listening, as the person knows it: "the API", "the Oracle metrics port". */
  readonly what: string;
  readonly host: string;
  readonly port: number;
  /** The variable that moves the port (ORACLE_METRICS_PORT). */
  readonly portVariable: string;
  /** The variable that moves the address (NPS_BIND_HOST). */
  readonly hostVariable: string;
}

const LISTEN_CODES = ["EADDRINUSE", "EADDRNOTAVAIL", "EACCES"] as const;
type ListenCode = (typeof LISTEN_CODES)[number];

/** The errno of a failed listen: node's `code`, or the one grpc-js folds into its message. */
function listenCode(err: unknown): ListenCode | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string" && (LISTEN_CODES as readonly string[]).includes(code)) return code as ListenCode;
  const message = err instanceof Error ? err.message : String(err);
  return LISTEN_CODES.find((c) => message.includes(c));
}

/** A StartupError for the listen failures a person can fix; anything else comes back unchanged. */
export function explainListenError(err: unknown, t: ListenTarget): unknown {
  switch (listenCode(err)) {
    case "EADDRINUSE":
      return new StartupError(`${t.what} cannot listen on ${t.host}:${t.port}: the port is already in use (another nps start, or another program); stop it, or set ${t.portVariable} to a free port`, { cause: err });
    case "EADDRNOTAVAIL":
      return new StartupError(`${t.what} cannot listen on ${t.host}:${t.port}: ${t.host} is not an address of this machine; set ${t.hostVariable}`, { cause: err });
    case "EACCES":
      return new StartupError(`${t.what} cannot listen on ${t.host}:${t.port}: not permitted (ports below 1024 need privileges); set ${t.portVariable}`, { cause: err });
    default:
      return err;
  }
}
