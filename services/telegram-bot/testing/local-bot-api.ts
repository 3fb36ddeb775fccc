import http from "node:http";
import type { AddressInfo } from "node:net";
import TelegramServer from "telegram-test-api";
import { freePort } from "../../lib/cache/test-redis-server";

/**
 * A local Telegram Bot API for tests: telegram-test-api (users send messages and read the bot's
 * replies through its client), behind a small HTTP front that adds what it lacks and real Telegram
 * does: long polling (getUpdates waits for an update up to its timeout instead of answering at
 * once), answers for setMyCommands (recorded, since the emulator calls it an unknown method), and
 * the errors Telegram gives: 429 with retry_after, and 403 for a chat that blocked the bot.
 */

export interface TelegramError {
  readonly status: number;
  readonly description: string;
  readonly retryAfter?: number;
}

type Params = Record<string, string>;

export interface LocalBotApi {
  /** The apiRoot the bot uses (this front). */
  readonly apiRoot: string;
  /** telegram-test-api itself, for its client. */
  readonly server: TelegramServer;
  /** Every setMyCommands call, its params decoded. */
  readonly commandMenus: Array<{ commands: Array<{ command: string; description: string }>; language_code?: string; scope?: unknown }>;
  /** Calls per Bot API method, as the bot made them (retries included). */
  readonly calls: Map<string, number>;
  /** The next call of `method` (to `chatId`, when given) fails with this error. */
  failNext(method: string, error: TelegramError, chatId?: number): void;
  /** Every sendMessage to this chat answers 403 (the user blocked the bot). */
  block(chatId: number): void;
  client(token: string, chatId: number, options?: { firstName?: string; userName?: string }): ReturnType<TelegramServer["getClient"]>;
  stop(): Promise<void>;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function decode(body: Buffer, type: string | undefined): Params {
  const text = body.toString("utf8");
  if (type?.includes("application/json")) return Object.fromEntries(Object.entries(JSON.parse(text || "{}") as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  return Object.fromEntries(new URLSearchParams(text));
}

const send = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

export async function startLocalBotApi(): Promise<LocalBotApi> {
  // telegram-test-api binds a fixed port unless told one: always give it a free one.
  const server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 600 });
  await server.start();
  const upstream = server.config.apiURL;
  const commandMenus: LocalBotApi["commandMenus"] = [];
  const calls = new Map<string, number>();
  const failures: Array<{ method: string; chatId?: number; error: TelegramError }> = [];
  const blocked = new Set<number>();
  const waiting = new Set<() => void>();
  let stopping = false;

  const front = http.createServer((req, res) => {
    void (async () => {
      const m = /^\/bot([^/]+)\/([A-Za-z]+)/.exec(req.url ?? "");
      const body = await readBody(req);
      if (!m) {
        send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
        return;
      }
      const [, token, method] = m as unknown as [string, string, string];
      calls.set(method, (calls.get(method) ?? 0) + 1);
      const params = decode(body, req.headers["content-type"]);
      const chatId = params.chat_id === undefined ? undefined : Number(params.chat_id);
      const failure = failures.findIndex((f) => f.method === method && (f.chatId === undefined || f.chatId === chatId));
      if (failure >= 0) {
        const { error } = failures.splice(failure, 1)[0]!;
        send(res, error.status, { ok: false, error_code: error.status, description: error.description, ...(error.retryAfter !== undefined ? { parameters: { retry_after: error.retryAfter } } : {}) });
        return;
      }
      if (method === "sendMessage" && chatId !== undefined && blocked.has(chatId)) {
        send(res, 403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
        return;
      }
      if (method === "setMyCommands") {
        commandMenus.push({
          commands: JSON.parse(params.commands ?? "[]") as Array<{ command: string; description: string }>,
          ...(params.language_code ? { language_code: params.language_code } : {}),
          ...(params.scope ? { scope: JSON.parse(params.scope) as unknown } : {}),
        });
        send(res, 200, { ok: true, result: true });
        return;
      }
      const forward = () =>
        fetch(`${upstream}/bot${token}/${method}`, { method: "POST", headers: { "content-type": req.headers["content-type"] ?? "application/x-www-form-urlencoded" }, body: body.length ? body : undefined }).then(async (r) => ({
          status: r.status,
          json: (await r.json()) as { ok: boolean; result?: unknown },
        }));
      let answer = await forward();
      if (method === "getUpdates") {
        const until = Date.now() + Math.min(Number(params.timeout ?? 0), 25) * 1000;
        while (!stopping && Array.isArray(answer.json.result) && answer.json.result.length === 0 && Date.now() < until) {
          await new Promise<void>((resolve) => {
            const wake = () => {
              waiting.delete(wake);
              resolve();
            };
            waiting.add(wake);
            setTimeout(wake, 50);
          });
          answer = await forward();
        }
      }
      send(res, answer.status, answer.json);
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error_code: 500, description: String(err) });
    });
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  const apiRoot = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;

  return {
    apiRoot,
    server,
    commandMenus,
    calls,
    failNext: (method, error, chatId) => failures.push({ method, error, ...(chatId !== undefined ? { chatId } : {}) }),
    block: (chatId) => blocked.add(chatId),
    client: (token, chatId, options = {}) => server.getClient(token, { chatId, userId: chatId, timeout: 8_000, interval: 50, ...options }),
    async stop() {
      stopping = true;
      for (const wake of [...waiting]) wake();
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await server.stop();
    },
  };
}
