/**
 * How the API gets its Oracle: a client of the configured gRPC server that falls back to
 * computing in-process with the same reading service (and the same AI settings) the server runs.
 */
import type { Config } from "../../lib/config/load-config";
import type { Logger } from "../../lib/logger";
import { createInterpreter } from "../ai/interpreter";
import { ReadingService, type ReadingObserver } from "../readings/reading-service";
import { OracleClient, type OracleClientOptions } from "./oracle-client";

export { OracleClient, OracleCallError, ORACLE_MODES, type OracleMode, type Served, type CallOptions, type OracleClientOptions } from "./oracle-client";

export interface OracleClientFromConfig {
  readonly logger?: Logger;
  /** Overrides config.oracle's host:port; null: the Oracle runs in this process (`nps start`), so calls are in-process. */
  readonly target?: string | null;
  /** Metrics of the readings computed in direct mode. */
  readonly observer?: ReadingObserver;
  readonly options?: Omit<OracleClientOptions, "target" | "direct" | "logger">;
}

export function createOracleClient(config: Config, opts: OracleClientFromConfig = {}): OracleClient {
  const direct = new ReadingService({ interpreter: createInterpreter(config.ai, { logger: opts.logger }), observer: opts.observer });
  return new OracleClient({
    target: opts.target === undefined ? `${config.oracle.grpcHost}:${config.oracle.grpcPort}` : opts.target,
    // A call that may wait for the model gets the model's timeout plus room for the reading itself.
    interpretationDeadlineMs: config.ai.timeoutMs + 5_000,
    ...opts.options,
    direct,
    logger: opts.logger,
  });
}
