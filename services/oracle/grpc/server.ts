/**
 * The Oracle's gRPC server: the OracleService, grpc.health.v1 and server reflection on one port.
 * Every call is answered with a status, never a crash: bad input is INVALID_ARGUMENT naming the
 * field, anything unexpected INTERNAL (and logged). Deadlines bound the AI interpretation, so a
 * reading answers in time with the engine's text rather than not at all. drain() is the SIGTERM
 * path: health NOT_SERVING, no new calls, in-flight calls finish, then the port closes.
 */
import * as grpc from "@grpc/grpc-js";
import { ReflectionService } from "@grpc/reflection";
import { HealthImplementation } from "grpc-health-check";
import { isInvalidInput } from "../../lib/errors";
import type { Logger } from "../../lib/logger";
import type { OracleMetrics } from "../metrics";
import type { CallContext, OracleReadings } from "../readings/reading-service";
import { CallTracker, trackingInterceptor } from "./call-tracker";
import { isUndecodable } from "./codec";
import { METHOD_KEYS, oracleMethods, type MethodKey, type ResultOf } from "./methods";
import { ORACLE_SERVICE, reflectionPackage } from "./proto";
import { oracleServiceDefinition, type Incoming } from "./service-definition";
import { internalError, invalidArgument } from "./status";

/** Requests are small (five profiles at most); anything near this is not an Oracle request. */
const MAX_REQUEST_BYTES = 256 * 1024;
/** Once the last unary call has answered, how long its response gets to reach the wire before open streams are cut. */
const FLUSH_MS = 250;
/** Time kept back from a call's deadline to send the answer once the AI is abandoned. */
const MAX_DEADLINE_MARGIN_MS = 250;

export interface OracleServerOptions {
  readonly readings: OracleReadings;
  readonly metrics?: OracleMetrics;
  readonly logger?: Logger;
}

export class OracleServer {
  readonly health = new HealthImplementation({ "": "SERVING", [ORACLE_SERVICE]: "SERVING" });
  private readonly server: grpc.Server;
  private readonly tracker = new CallTracker();
  private serving = true;
  private boundPort = 0;

  constructor(private readonly opts: OracleServerOptions) {
    this.server = new grpc.Server({
      interceptors: [trackingInterceptor(this.tracker, opts.metrics)],
      "grpc.max_receive_message_length": MAX_REQUEST_BYTES,
    });
    this.server.addService(oracleServiceDefinition(), this.handlers());
    this.health.addToServer(this.server);
    new ReflectionService(reflectionPackage()).addToServer(this.server);
    opts.metrics?.serving.set(1);
  }

  get port(): number {
    return this.boundPort;
  }

  get isServing(): boolean {
    return this.serving;
  }

  get inFlight(): number {
    return this.tracker.inFlightUnary;
  }

  /** Binds host:port (port 0 picks a free one) and resolves with the bound port. */
  listen(host: string, port: number): Promise<number> {
    const address = host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
    return new Promise((resolve, reject) => {
      this.server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (err, bound) => {
        if (err) return reject(err);
        this.boundPort = bound;
        resolve(bound);
      });
    });
  }

  /**
   * Health NOT_SERVING first (load balancers stop sending), then no new calls; resolves once every
   * in-flight call has answered, or after graceMs when some will not. Streams that never end on
   * their own (health Watch, reflection) are cut once the last unary call is done.
   */
  async drain(graceMs = 20_000): Promise<void> {
    this.setServing(false);
    await new Promise<void>((resolve) => {
      let settled = false;
      const settle = (): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.opts.logger?.warn({ inFlight: this.tracker.inFlightUnary }, "calls still running after the grace period; closing");
        this.server.forceShutdown();
        settle();
      }, graceMs);
      this.server.tryShutdown(() => settle());
      void this.tracker.whenIdle().then(() => {
        // The last answer's trailers are still being written: give them time before cutting streams.
        setTimeout(() => {
          if (settled) return;
          this.server.forceShutdown();
          settle();
        }, FLUSH_MS).unref();
      });
    });
  }

  /** Stops at once, cutting calls in flight (tests, and the end of a failed drain). */
  forceStop(): void {
    this.setServing(false);
    this.server.forceShutdown();
  }

  private setServing(serving: boolean): void {
    this.serving = serving;
    const state = serving ? "SERVING" : "NOT_SERVING";
    this.health.setStatus("", state);
    this.health.setStatus(ORACLE_SERVICE, state);
    this.opts.metrics?.serving.set(serving ? 1 : 0);
  }

  private handlers(): grpc.UntypedServiceImplementation {
    const methods = oracleMethods();
    const impl: grpc.UntypedServiceImplementation = {};
    for (const key of METHOD_KEYS) impl[methods[key].rpc] = this.handler(key);
    return impl;
  }

  private handler<K extends MethodKey>(key: K): grpc.handleUnaryCall<Incoming<K>, ResultOf<K>> {
    const call = this.opts.readings[key].bind(this.opts.readings) as (req: Incoming<K>, ctx: CallContext) => Promise<ResultOf<K>>;
    const rpc = oracleMethods()[key].rpc;
    return (unary, callback) => {
      const incoming = unary.request;
      if (isUndecodable(incoming)) {
        callback({ code: grpc.status.INVALID_ARGUMENT, details: `request: not a valid message (${incoming.undecodable})` });
        return;
      }
      const ctx = callContext(unary);
      if (ctx.expired) {
        ctx.done();
        callback({ code: grpc.status.DEADLINE_EXCEEDED, details: "the deadline passed before the call was served" });
        return;
      }
      let pending: Promise<ResultOf<K>>;
      try {
        pending = call(incoming, ctx);
      } catch (err) {
        pending = Promise.reject(err);
      }
      pending.then(
        (result) => {
          ctx.done();
          callback(null, result);
        },
        (err: unknown) => {
          ctx.done();
          if (isInvalidInput(err)) return callback(invalidArgument(err));
          this.opts.logger?.error({ err, method: rpc }, "reading failed");
          callback(internalError());
        },
      );
    };
  }
}

interface ServerCallContext extends CallContext {
  readonly expired: boolean;
  done(): void;
}

/**
 * An abort signal for the call, raised when the client cancels or just before its deadline. It is
 * made on first use: only an AI interpretation listens to it, and most calls never ask.
 */
function callContext(unary: grpc.ServerUnaryCall<unknown, unknown>): ServerCallContext {
  const deadline = unary.getDeadline();
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  let controller: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  const onCancel = (): void => controller?.abort();
  return {
    expired: Number.isFinite(at) && at <= Date.now(),
    get signal(): AbortSignal {
      if (!controller) {
        controller = new AbortController();
        unary.on("cancelled", onCancel);
        if (Number.isFinite(at)) {
          const remaining = at - Date.now();
          const margin = Math.min(MAX_DEADLINE_MARGIN_MS, remaining / 10);
          timer = setTimeout(onCancel, Math.max(0, remaining - margin));
        }
      }
      return controller.signal;
    },
    done: () => {
      if (!controller) return;
      clearTimeout(timer);
      unary.off("cancelled", onCancel);
    },
  };
}
