import type http from "node:http";
import net from "node:net";
import type { Logger } from "./logger";

/**
 * The SIGTERM path of an HTTP server: every connection a client already has is answered, no new
 * one is accepted, and the drain ends once the last connection is gone (or at the deadline, when
 * what is left is cut).
 *
 * Node's own server.close() resets connections that clients already hold, in two ways:
 * - it closes the listening socket at once, and the kernel resets every connection still waiting
 *   in its accept queue. Node accepts one connection per turn of the event loop, so after a busy
 *   moment dozens may be waiting. Here the listening socket stays open until a whole turn of the
 *   loop accepts nothing (the queue is empty), for at most the idle grace;
 * - it destroys every connection idle at that instant, and a connection whose request is still
 *   unread in the kernel's buffer counts as idle. Here a connection is closed only once it has no
 *   request in flight and has read nothing new since the last look, after the grace, and from the
 *   check phase (after a poll has read whatever had arrived).
 * Every response from the start of the drain says `Connection: close`.
 *
 *   const drain = trackForDrain(server);          // at creation: it must see every connection
 *   lifecycle.onShutdown("http", () => drain({ timeoutMs: config.drainMs, logger }));
 */

export interface DrainOptions {
  /** Work still running after this long is cut. */
  readonly timeoutMs: number;
  /** How long waiting connections keep the chance to be accepted, and idle ones to send a request. */
  readonly idleGraceMs?: number;
  readonly logger?: Logger;
}

const DEFAULT_IDLE_GRACE_MS = 1_000;
const SWEEP_EVERY_MS = 100;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Tracked {
  /** Responses not closed yet. */
  readonly inFlight: Set<http.ServerResponse>;
  /** bytesRead at the previous sweep. */
  lastRead: number;
}

export function trackForDrain(server: http.Server): (options: DrainOptions) => Promise<void> {
  const sockets = new Map<net.Socket, Tracked>();
  let accepted = 0;
  let draining = false;

  server.on("connection", (socket: net.Socket) => {
    accepted++;
    sockets.set(socket, { inFlight: new Set(), lastRead: -1 });
    socket.once("close", () => sockets.delete(socket));
  });
  server.prependListener("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const tracked = sockets.get(req.socket);
    if (tracked) {
      tracked.inFlight.add(res);
      res.once("close", () => tracked.inFlight.delete(res));
    }
    if (draining && !res.headersSent) res.setHeader("Connection", "close");
  });
  // An upgraded socket (the WebSocket) belongs to its own server, which closes it.
  server.on("upgrade", (req: http.IncomingMessage) => sockets.delete(req.socket));

  const sweep = () => {
    for (const [socket, t] of sockets) {
      if (t.inFlight.size > 0) continue;
      if (socket.bytesRead === t.lastRead) socket.destroy();
      else t.lastRead = socket.bytesRead;
    }
  };

  return (options) => {
    if (draining) return Promise.resolve();
    draining = true;
    for (const t of sockets.values()) for (const res of t.inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    const graceMs = options.idleGraceMs ?? DEFAULT_IDLE_GRACE_MS;
    const started = Date.now();
    return new Promise<void>((resolve) => {
      let sweepTimer: NodeJS.Timeout | undefined;
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        clearTimeout(deadline);
        clearTimeout(sweepTimer);
        resolve();
      };
      const deadline = setTimeout(() => {
        options.logger?.warn({ timeoutMs: options.timeoutMs, open: sockets.size }, "connections still open at the drain deadline; closing them");
        for (const socket of sockets.keys()) socket.destroy();
        finish();
      }, options.timeoutMs);
      deadline.unref();

      const stopListening = async (): Promise<void> => {
        // Each turn of the loop polls the (level-triggered) listening socket; a whole turn, poll to
        // check phase, that accepts nothing found the kernel's queue empty.
        await nextTurn();
        let seen: number;
        do {
          seen = accepted;
          await nextTurn();
        } while (seen !== accepted && Date.now() - started < graceMs);
        if (!server.listening) {
          if (sockets.size === 0) finish();
        } else {
          // net.Server's close (http's would reset idle connections): stop accepting, and call
          // back once every connection has ended.
          net.Server.prototype.close.call(server, () => finish());
        }
        const everyTurn = () => {
          setImmediate(sweep);
          sweepTimer = setTimeout(everyTurn, SWEEP_EVERY_MS);
          sweepTimer.unref();
        };
        sweepTimer = setTimeout(everyTurn, Math.max(0, graceMs - (Date.now() - started)));
        sweepTimer.unref();
      };
      void stopListening();
    });
  };
}
