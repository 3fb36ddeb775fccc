/**
 * One server interceptor sees every call (the Oracle's, health and reflection): it counts calls by
 * method and status, times them, keeps the in-flight gauge, and tracks in-flight unary calls so a
 * draining server knows when the last one has answered.
 */
import { ServerInterceptingCall, status, type ServerInterceptor } from "@grpc/grpc-js";
import type { OracleMetrics } from "../metrics";
import { statusName } from "./status";

export class CallTracker {
  private unary = 0;
  private idle: (() => void)[] = [];

  get inFlightUnary(): number {
    return this.unary;
  }

  started(): void {
    this.unary++;
  }

  ended(): void {
    this.unary--;
    if (this.unary === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Resolves once no unary call is in flight (at once when none is). */
  whenIdle(): Promise<void> {
    return this.unary === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }
}

/**
 * A client cancels at its own deadline, which the server (counting from when the request arrived)
 * sees a little later: a call cancelled this close to its deadline is counted as DEADLINE_EXCEEDED.
 */
const DEADLINE_SLACK_MS = 500;

function deadlineReached(deadline: Date | number): boolean {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(at) && at - Date.now() <= DEADLINE_SLACK_MS;
}

export function trackingInterceptor(tracker: CallTracker, metrics?: OracleMetrics): ServerInterceptor {
  return (descriptor, call) => {
    const method = descriptor.path.slice(descriptor.path.lastIndexOf("/") + 1);
    const unary = !descriptor.requestStream && !descriptor.responseStream;
    let started = 0;
    let finished = true;
    const finish = (code: number): void => {
      if (finished) return;
      finished = true;
      if (unary) tracker.ended();
      if (metrics) {
        metrics.inFlight.dec();
        metrics.calls.inc({ method, code: statusName(code) });
        metrics.callDuration.observe({ method }, (performance.now() - started) / 1000);
      }
    };
    return new ServerInterceptingCall(call, {
      start: (next) => {
        started = performance.now();
        finished = false;
        if (unary) tracker.started();
        metrics?.inFlight.inc();
        next({
          onCancel: () => finish(deadlineReached(call.getDeadline()) ? status.DEADLINE_EXCEEDED : status.CANCELLED),
        });
      },
      sendStatus: (st, next) => {
        finish(st.code);
        next(st);
      },
    });
  };
}
