import type { Config } from "./config/load-config";
import type { Lifecycle } from "./lifecycle";
import type { Logger } from "./logger";

/** What `nps start` hands each service it runs: parsed config, a logger, and the shutdown registry. */
export interface ServiceContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
  /** true when several services share this process (`nps start` without --only). */
  readonly together: boolean;
}

/** A runnable service: starts, registers its own shutdown with ctx.lifecycle, and resolves once serving. */
export type ServiceMain = (ctx: ServiceContext) => Promise<void>;
