/**
 * The typed Oracle client the API uses. Each call has a deadline; UNAVAILABLE is retried with a
 * short backoff; when the server cannot be reached at all the call is computed in-process by the
 * same ReadingService the server runs ("direct mode"). Every answer says which mode served it.
 * Requests are validated here first, so bad input fails the same way in both modes.
 */
import * as grpc from "@grpc/grpc-js";
import { service as healthService } from "grpc-health-check";
import type { Logger } from "../../lib/logger";
import type { OracleReadings } from "../readings/reading-service";
import { validate } from "../readings/validation";
import { oracleMethods, type MethodKey, type RequestOf, type ResultOf } from "../grpc/methods";
import { ORACLE_SERVICE } from "../grpc/proto";
import { oracleServiceDefinition } from "../grpc/service-definition";
import { invalidInputFrom, statusName } from "../grpc/status";

export const ORACLE_MODES = ["grpc", "direct_mode"] as const;
export type OracleMode = (typeof ORACLE_MODES)[number];

export interface Served<T> {
  readonly result: T;
  readonly mode: OracleMode;
}

/** The server answered with an error that is not about the request (INTERNAL, DEADLINE_EXCEEDED, ...). */
export class OracleCallError extends Error {
  override readonly name = "OracleCallError";
  constructor(
    readonly code: grpc.status,
    message: string,
  ) {
    super(`oracle ${statusName(code)}: ${message}`);
  }
}

export interface OracleClientOptions {
  /**
   * The Oracle's gRPC server: "host:port", or any gRPC target ("dns:oracle:50052"); every address it
   * resolves to gets calls in turn (round robin). null: the Oracle runs in this process (`nps start`),
   * and every call is the in-process one, with no socket in between.
   */
  readonly target: string | null;
  /** Deadline of a call without an AI interpretation. Default 5 s. */
  readonly deadlineMs?: number;
  /** Deadline of a call that asks for an AI interpretation. Default 40 s. */
  readonly interpretationDeadlineMs?: number;
  /** Retries after UNAVAILABLE (by grpc-js's retry policy) before falling back. Default 2, at most 4. */
  readonly retries?: number;
  /** First backoff (grpc-js draws each wait at random up to it); doubles per retry. Default 50 ms. */
  readonly retryDelayMs?: number;
  /** The in-process fallback; without it an unreachable server is an error. */
  readonly direct?: OracleReadings;
  readonly logger?: Logger;
}

export interface CallOptions {
  readonly deadlineMs?: number;
}

type ReadingCall<K extends MethodKey> = (req: RequestOf<K>, opts?: CallOptions) => Promise<Served<ResultOf<K>>>;

type GenericStub = grpc.Client & {
  [rpc: string]: (req: unknown, metadata: grpc.Metadata, options: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res: unknown) => void) => grpc.ClientUnaryCall;
};

type HealthStub = grpc.Client & {
  Check(req: { service: string }, options: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res: { status: string | number }) => void): grpc.ClientUnaryCall;
};

/** Retries of a call that found no server (UNAVAILABLE) before the client falls back. */
export const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 50;

/**
 * The channel's service config, grpc-js's own: calls go round robin over every address the
 * target resolves to (DNS with several records: the dev stack's replicas, Cloud Map in prod), and
 * a call that meets UNAVAILABLE is retried by grpc-js with exponential backoff (`retries` more
 * attempts, the first after `retryDelayMs` on average, each wait doubling, at most 1 s).
 */
export function serviceConfig(retries = DEFAULT_RETRIES, retryDelayMs = DEFAULT_RETRY_DELAY_MS): string {
  const methodConfig =
    retries > 0
      ? [
          {
            name: [{ service: ORACLE_SERVICE }],
            retryPolicy: {
              maxAttempts: Math.min(retries + 1, 5),
              initialBackoff: `${retryDelayMs / 1000}s`,
              maxBackoff: "1s",
              backoffMultiplier: 2,
              retryableStatusCodes: ["UNAVAILABLE"],
            },
          },
        ]
      : [];
  return JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }], methodConfig });
}

/**
 * Reconnect attempts back off from 1 s up to 5 s (grpc-js would wait up to 2 minutes), so the API
 * returns to gRPC within seconds of the server coming back; meanwhile it answers in direct mode.
 * A full reading is ~14 KB: with HTTP/2's default 64 KB connection window, a few concurrent replies
 * fill it and the server waits for WINDOW_UPDATEs; a 16 MB window keeps dozens in flight.
 */
export const CHANNEL_OPTIONS: grpc.ChannelOptions = {
  "grpc.initial_reconnect_backoff_ms": 1_000,
  "grpc.max_reconnect_backoff_ms": 5_000,
  "grpc-node.flow_control_window": 16 * 1024 * 1024,
};

export class OracleClient {
  readonly time: ReadingCall<"time">;
  readonly daily: ReadingCall<"daily">;
  readonly name: ReadingCall<"name">;
  readonly question: ReadingCall<"question">;
  readonly multi: ReadingCall<"multi">;
  readonly timing: ReadingCall<"timing">;
  readonly stamp: ReadingCall<"stamp">;
  readonly chart: ReadingCall<"chart">;
  readonly chartCompatibility: ReadingCall<"chartCompatibility">;

  /** Absent when the Oracle runs in this process. */
  private readonly stub: GenericStub | undefined;
  private readonly healthStub: HealthStub | undefined;
  private lastMode: OracleMode;

  constructor(private readonly opts: OracleClientOptions) {
    if (opts.target === null) {
      if (!opts.direct) throw new Error("an in-process Oracle client needs the reading service it calls");
      this.lastMode = "direct_mode";
    } else {
      const Stub = grpc.makeGenericClientConstructor(oracleServiceDefinition(), "OracleService");
      const credentials = grpc.credentials.createInsecure();
      const options = { ...CHANNEL_OPTIONS, "grpc.service_config": serviceConfig(opts.retries, opts.retryDelayMs) };
      this.stub = new Stub(opts.target, credentials, options) as GenericStub;
      const Health = grpc.makeGenericClientConstructor(healthService as grpc.ServiceDefinition, "Health");
      // Shares the Oracle stub's channel: one connection, and health answers about that connection.
      this.healthStub = new Health(opts.target, credentials, { channelOverride: this.stub.getChannel() }) as unknown as HealthStub;
      this.lastMode = "grpc";
    }
    this.time = (req, o) => this.call("time", req, o);
    this.daily = (req, o) => this.call("daily", req, o);
    this.name = (req, o) => this.call("name", req, o);
    this.question = (req, o) => this.call("question", req, o);
    this.multi = (req, o) => this.call("multi", req, o);
    this.timing = (req, o) => this.call("timing", req, o);
    this.stamp = (req, o) => this.call("stamp", req, o);
    this.chart = (req, o) => this.call("chart", req, o);
    this.chartCompatibility = (req, o) => this.call("chartCompatibility", req, o);
  }

  /** The mode that served the last call (or the last probe); "grpc" before any, "direct_mode" always in-process. */
  get mode(): OracleMode {
    return this.lastMode;
  }

  /** Asks the server's health service; "direct_mode" when it is unreachable or not serving (or in-process). */
  async probe(deadlineMs = 1_000): Promise<OracleMode> {
    const health = this.healthStub;
    if (!health) return "direct_mode";
    const serving = await new Promise<boolean>((resolve) => {
      health.Check({ service: ORACLE_SERVICE }, { deadline: Date.now() + deadlineMs }, (err, res) => {
        resolve(!err && (res.status === "SERVING" || res.status === 1));
      });
    });
    this.setMode(serving || !this.opts.direct ? "grpc" : "direct_mode");
    return serving ? "grpc" : "direct_mode";
  }

  /** The channel the calls travel on (share it with another stub through channelOverride). */
  channel(): grpc.Channel {
    if (!this.stub) throw new Error("the Oracle runs in this process: there is no channel");
    return this.stub.getChannel() as grpc.Channel;
  }

  close(): void {
    this.stub?.close();
  }

  private async call<K extends MethodKey>(key: K, input: RequestOf<K>, opts: CallOptions = {}): Promise<Served<ResultOf<K>>> {
    const req = (validate[key] as (i: unknown) => RequestOf<K>)(input);
    if (!this.stub) return { result: await this.direct(key, req), mode: "direct_mode" };
    // A channel that has tried and failed to connect is not waited on: it reconnects in the
    // background (nudged here), and until it is ready the answer is computed in-process.
    if (this.opts.direct && this.channelDown()) {
      this.stub.getChannel().getConnectivityState(true);
      return { result: await this.direct(key, req), mode: "direct_mode" };
    }
    const deadlineMs = opts.deadlineMs ?? this.deadlineFor(req);
    try {
      // grpc-js retries UNAVAILABLE itself, as the service config says.
      const result = await this.unary(this.stub, key, req, deadlineMs);
      this.setMode("grpc");
      return { result, mode: "grpc" };
    } catch (err) {
      const e = err as grpc.ServiceError;
      const invalid = invalidInputFrom(e);
      if (invalid) throw invalid;
      const unreachable = e.code === grpc.status.UNAVAILABLE || (e.code === grpc.status.DEADLINE_EXCEEDED && this.channelDown());
      if (unreachable && this.opts.direct) return { result: await this.direct(key, req), mode: "direct_mode" };
      throw new OracleCallError(e.code ?? grpc.status.UNKNOWN, e.details ?? e.message);
    }
  }

  private unary<K extends MethodKey>(stub: GenericStub, key: K, req: RequestOf<K>, deadlineMs: number): Promise<ResultOf<K>> {
    const rpc = oracleMethods()[key].rpc;
    return new Promise((resolve, reject) => {
      stub[rpc]!(req, new grpc.Metadata(), { deadline: Date.now() + deadlineMs }, (err, res) => {
        if (err) reject(err);
        else resolve(res as ResultOf<K>);
      });
    });
  }

  private async direct<K extends MethodKey>(key: K, req: RequestOf<K>): Promise<ResultOf<K>> {
    const fn = this.opts.direct![key] as (r: RequestOf<K>) => Promise<ResultOf<K>>;
    const result = await fn.call(this.opts.direct, req);
    this.setMode("direct_mode");
    return result;
  }

  private deadlineFor(req: object): number {
    const wantsAi = (req as { include_ai?: boolean | null }).include_ai === true;
    return wantsAi ? (this.opts.interpretationDeadlineMs ?? 40_000) : (this.opts.deadlineMs ?? 5_000);
  }

  /** The channel has tried and failed to connect: retrying now only adds delay. */
  private channelDown(): boolean {
    const state = this.stub!.getChannel().getConnectivityState(false);
    return state === grpc.connectivityState.TRANSIENT_FAILURE || (this.lastMode === "direct_mode" && state !== grpc.connectivityState.READY);
  }

  private setMode(mode: OracleMode): void {
    if (mode === this.lastMode) return;
    this.lastMode = mode;
    if (mode === "direct_mode") this.opts.logger?.warn({ target: this.opts.target }, "oracle server unreachable; computing readings in-process (direct mode)");
    else this.opts.logger?.info({ target: this.opts.target }, "oracle server reachable again; readings go over gRPC");
  }
}

