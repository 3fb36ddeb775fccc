import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import type { Config } from "./config/load-config";
import { SECRET_ENV_NAMES } from "./config/env-spec";

export type { Logger } from "pino";

/** Keys that never reach a log line, whatever object they sit in. */
const REDACT = [
  "password",
  "*.password",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "req.headers.authorization",
  "req.headers.cookie",
  "*.secret",
  "*.api_key",
  ...SECRET_ENV_NAMES.map((n) => `*.${n}`),
];

/** LOG_FORMAT unset ("auto"): readable lines when a person watches stdout, JSON for pipes and log collectors. */
export function resolveLogFormat(format: Config["log"]["format"], stdoutIsTty = Boolean(process.stdout.isTTY)): "json" | "text" {
  if (format !== "auto") return format;
  return stdoutIsTty ? "text" : "json";
}

/**
 * Lines on stdout: JSON (LOG_FORMAT=json) or human-readable (LOG_FORMAT=text); unset, readable on
 * a terminal and JSON elsewhere. Every line carries the service name.
 */
export function createLogger(log: Config["log"], service: string): Logger {
  const options = { level: log.level, base: { service, pid: process.pid }, redact: { paths: REDACT, censor: "[redacted]" } };
  if (resolveLogFormat(log.format) === "text") {
    return pino(options, pretty({ sync: true, colorize: false, translateTime: "SYS:standard", ignore: "pid,hostname" }));
  }
  return pino(options);
}

/** A logger that writes nothing: for tests and library calls that were given none. */
export const silentLogger: Logger = pino({ level: "silent" });
