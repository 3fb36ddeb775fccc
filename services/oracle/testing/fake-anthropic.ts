/**
 * A local stand-in for the Anthropic Messages API, for tests through the SDK's baseURL: answers
 * POST /v1/messages with a message, an error status, or only after a delay; records what it got.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeBehaviour {
  /** HTTP status to answer with; 200 sends `text` as the model's answer. */
  status: number;
  text: string;
  model: string;
  /** Milliseconds before answering. */
  delayMs: number;
}

export interface ReceivedRequest {
  readonly apiKey: string | undefined;
  readonly body: { model: string; max_tokens: number; system?: string; messages: { role: string; content: string }[] };
}

export class FakeAnthropic {
  readonly received: ReceivedRequest[] = [];
  /** Requests whose client went away before the answer (an aborted call). */
  aborted = 0;
  behaviour: FakeBehaviour = { status: 200, text: "## message\nThe numbers lean toward patience.", model: "claude-test-model", delayMs: 0 };
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly waiting = new Set<() => void>();

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const release of this.waiting) release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves when `n` requests have arrived. */
  async requests(n: number): Promise<void> {
    while (this.received.length < n) await new Promise((r) => setTimeout(r, 5));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (req.method !== "POST" || !req.url?.startsWith("/v1/messages")) {
      res.writeHead(404).end();
      return;
    }
    // The SDK sends the key as x-api-key or as a bearer token depending on its version.
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, "");
    this.received.push({ apiKey: (req.headers["x-api-key"] as string | undefined) ?? bearer, body: JSON.parse(raw) as ReceivedRequest["body"] });
    const { status, text, model, delayMs } = this.behaviour;
    if (delayMs > 0) {
      const gone = await new Promise<boolean>((resolve) => {
        const release = () => resolve(false);
        this.waiting.add(release);
        const timer = setTimeout(() => {
          this.waiting.delete(release);
          resolve(false);
        }, delayMs);
        res.once("close", () => {
          clearTimeout(timer);
          this.waiting.delete(release);
          resolve(!res.writableFinished);
        });
      });
      if (gone || res.destroyed) {
        this.aborted++;
        return;
      }
    }
    if (status !== 200) {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "error", error: { type: "api_error", message: "the fake failed on purpose" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: `msg_${this.received.length}`,
        type: "message",
        role: "assistant",
        model,
        content: [{ type: "text", text }],
        stop_reason: "end_turn",
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 20 },
      }),
    );
  }
}

/** AI settings for a test against a fake at `baseUrl`. */
export function aiSettings(baseUrl: string, over: Partial<AiSettings> = {}): AiSettings {
  return { apiKey: "test-key", baseUrl, model: "claude-test-model", timeoutMs: 5_000, maxTokens: 500, cacheTtlSeconds: 60, ...over };
}

export interface AiSettings {
  apiKey: string;
  baseUrl: string | undefined;
  model: string;
  timeoutMs: number;
  maxTokens: number;
  cacheTtlSeconds: number;
}
