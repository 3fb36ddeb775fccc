import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type http from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { z } from "zod";
import type { Logger } from "../../lib/logger";
import { credentialOf } from "../auth/authenticator";
import type { Principal } from "../auth/principal";
import type { EventBus } from "../events/event-bus";

export const WS_PATH = "/ws";

/** Close codes the client can act on. */
export const WS_CLOSE = { authRequired: 4001, authTimeout: 4002 } as const;

const AUTH_TIMEOUT_MS = 10_000;
const HEARTBEAT_MS = 30_000;
const MAX_MESSAGE_BYTES = 8 * 1024;

export interface WsOptions {
  /** Resolves a token or API key to its principal, or throws when it is not valid. */
  readonly authenticate: (credential: string) => Promise<Principal>;
  readonly events: EventBus;
  readonly logger: Logger;
  /** Browsers send Origin; one outside this list is refused (other clients send none). */
  readonly allowedOrigins: readonly string[];
  readonly heartbeatMs?: number;
  /** How long a socket may stay without a valid credential. */
  readonly authTimeoutMs?: number;
}

export interface WsHandle {
  readonly server: WebSocketServer;
  close(): Promise<void>;
}

/**
 * The authenticated WebSocket at /ws. The credential comes as a header of the upgrade request
 * (`Authorization: Bearer <token or API key>`, or `X-API-Key`), in the query (`?token=`), or as the
 * first message (`{"type":"auth","token":"..."}`); until it is accepted nothing is delivered, and a
 * wrong or late one closes the socket with 4001/4002. Once in, the socket receives that user's
 * events only.
 */
/** The API's own web page (served at /) opens its socket from the API's own host. */
function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function attachWebSocket(httpServer: http.Server, options: WsOptions): WsHandle {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const alive = new WeakMap<WebSocket, boolean>();

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== WS_PATH) {
      refuse(socket, 404, "Not Found");
      return;
    }
    const origin = req.headers.origin;
    if (origin && !options.allowedOrigins.includes(origin) && !sameOrigin(origin, req.headers.host)) {
      refuse(socket, 403, "Forbidden");
      return;
    }
    // A header wins over the query: it is where every other route reads credentials.
    const credential = credentialOf(req.headers)?.value ?? url.searchParams.get("token");
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, credential));
  };
  httpServer.on("upgrade", onUpgrade);

  const onConnection = (ws: WebSocket, queryToken: string | null) => {
    alive.set(ws, true);
    ws.on("pong", () => alive.set(ws, true));
    ws.on("error", (err) => options.logger.debug({ err }, "websocket error"));
    let unsubscribe: (() => void) | undefined;
    let authenticating = false;

    const admit = (credential: string) => {
      authenticating = true;
      options.authenticate(credential).then(
        (principal) => {
          if (ws.readyState !== WebSocket.OPEN) return;
          clearTimeout(timer);
          unsubscribe = options.events.subscribe(principal.userId, (event) => {
            if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(event));
          });
          ws.send(JSON.stringify({ event: "connected", data: { user_id: principal.userId, username: principal.username } }));
        },
        () => ws.close(WS_CLOSE.authRequired, "authentication required"),
      );
    };

    const timer = setTimeout(() => ws.close(WS_CLOSE.authTimeout, "authentication timed out"), options.authTimeoutMs ?? AUTH_TIMEOUT_MS);
    ws.on("close", () => {
      clearTimeout(timer);
      unsubscribe?.();
    });
    ws.on("message", (data: RawData) => {
      const text = data.toString();
      if (text === "ping") {
        ws.send("pong");
        return;
      }
      if (unsubscribe || authenticating) return;
      const token = firstMessageToken(text);
      if (token) admit(token);
      else ws.close(WS_CLOSE.authRequired, "authentication required");
    });
    if (queryToken) admit(queryToken);
  };

  // Sockets that stop answering pings (a vanished phone, a dead NAT entry) are dropped.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  return {
    server: wss,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        httpServer.off("upgrade", onUpgrade);
        for (const ws of wss.clients) ws.close(1001, "server shutting down");
        wss.close(() => resolve());
      }),
  };
}

function firstMessageToken(text: string): string | undefined {
  try {
    const msg = JSON.parse(text) as { type?: unknown; token?: unknown };
    return msg.type === "auth" && typeof msg.token === "string" && msg.token.length > 0 ? msg.token : undefined;
  } catch {
    return undefined;
  }
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** /ws in the OpenAPI document: the upgrade, its credentials, and the messages it carries. */
export function documentWebSocket(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: WS_PATH,
    tags: ["events"],
    summary: "Your events, live: a WebSocket (send the upgrade request; a plain GET answers 426)",
    description:
      "Upgrade with `Connection: Upgrade` and `Upgrade: websocket`. Credentials, in order of precedence: " +
      "`Authorization: Bearer <access token or API key>` or `X-API-Key` on the upgrade request, `?token=` in the URL, " +
      'or a first message `{"type":"auth","token":"..."}` within 10 s. The server sends `{"event":"connected","data":{"user_id","username"}}`, ' +
      'then the user\'s events as `{"event": "...", "data": {...}}` (reading progress and completion, among others); the text ' +
      '`ping` is answered `pong`. Close codes: 4001 authentication required or refused, 4002 authentication timed out, 1001 server shutting down. ' +
      "A browser's Origin must be one of API_CORS_ORIGINS.",
    security: [{ bearerAuth: [] }, { apiKeyAuth: [] }, {}],
    request: { query: z.object({ token: z.string().optional().meta({ description: "An access token or API key, when headers cannot be set (browsers)" }) }) },
    responses: {
      101: { description: "Switching Protocols: the WebSocket is open" },
      403: { description: "A browser Origin outside API_CORS_ORIGINS" },
      426: { description: "Upgrade Required: the request was not a WebSocket upgrade" },
    },
  });
}
