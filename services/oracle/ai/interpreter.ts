/**
 * Optional AI interpretation through the Anthropic Messages API. Without a key, on a timeout, an
 * abort or any error, the reading keeps the engine's own text and says ai_generated: false; an
 * interpretation never fails a reading. Answers are cached in memory by model and prompt.
 */
import { createHash } from "node:crypto";
import type { Config } from "../../lib/config/load-config";
import { TtlMap } from "../../lib/cache/ttl-map";
import type { Logger } from "../../lib/logger";
import type { Interpretation, Translation } from "../readings/types";
import { SYSTEM_PROMPT } from "./prompt";
import { parseSections } from "./sections";

export type AiOutcome = "generated" | "cached" | "fallback";

export interface AiObserver {
  ai(outcome: AiOutcome, seconds: number): void;
}

export interface InterpretRequest {
  /** Built only when the model is actually asked. */
  readonly prompt: () => string;
  /** The engine's own text, kept when the model cannot answer. */
  readonly fallback: Translation;
  /** Aborts the model call (the gRPC deadline, a cancelled call); the fallback is returned. */
  readonly signal?: AbortSignal;
}

export interface Interpreter {
  /** Whether a model is configured at all. */
  readonly configured: boolean;
  interpret(req: InterpretRequest): Promise<Interpretation>;
}

export function engineInterpretation(sections: Translation): Interpretation {
  return { ai_generated: false, model: "", cached: false, sections };
}

/** Used when no model is configured: always the engine's text. */
export const ENGINE_ONLY: Interpreter = {
  configured: false,
  interpret: async (req) => engineInterpretation(req.fallback),
};

const CACHE_ENTRIES = 200;

export interface AnthropicInterpreterOptions {
  readonly logger?: Logger;
  readonly observer?: AiObserver;
  /** For tests: a clock for the cache. */
  readonly now?: () => number;
}

export class AnthropicInterpreter implements Interpreter {
  private client: ReturnType<typeof newClient> | undefined;
  private readonly cache: TtlMap<{ model: string; sections: Translation }>;

  constructor(
    private readonly cfg: Config["ai"],
    private readonly opts: AnthropicInterpreterOptions = {},
  ) {
    this.cache = new TtlMap(CACHE_ENTRIES, opts.now);
  }

  get configured(): boolean {
    return this.cfg.apiKey.trim() !== "";
  }

  async interpret(req: InterpretRequest): Promise<Interpretation> {
    const started = performance.now();
    const done = (outcome: AiOutcome, result: Interpretation): Interpretation => {
      this.opts.observer?.ai(outcome, (performance.now() - started) / 1000);
      return result;
    };
    if (!this.configured) return done("fallback", engineInterpretation(req.fallback));

    try {
      const prompt = req.prompt();
      const key = createHash("sha256").update(this.cfg.model).update("\0").update(prompt).digest("hex");
      const hit = this.cache.get(key);
      if (hit) return done("cached", { ai_generated: true, model: hit.model, cached: true, sections: hit.sections });
      if (req.signal?.aborted) return done("fallback", engineInterpretation(req.fallback));
      const client = await this.sdk();
      const signals = [AbortSignal.timeout(this.cfg.timeoutMs), ...(req.signal ? [req.signal] : [])];
      const message = await client.messages.create(
        {
          model: this.cfg.model,
          max_tokens: this.cfg.maxTokens,
          system: SYSTEM_PROMPT,
          messages: [{ role: "user", content: prompt }],
        },
        { signal: AbortSignal.any(signals), timeout: this.cfg.timeoutMs },
      );
      let text = "";
      for (const block of message.content) if (block.type === "text") text += block.text;
      if (text.trim() === "") throw new Error("the model answered with no text");
      const model = message.model || this.cfg.model;
      const sections = parseSections(text);
      if (this.cfg.cacheTtlSeconds > 0) this.cache.set(key, { model, sections }, this.cfg.cacheTtlSeconds * 1000);
      return done("generated", { ai_generated: true, model, cached: false, sections });
    } catch (err) {
      this.opts.logger?.warn({ err: err instanceof Error ? err.message : String(err) }, "AI interpretation unavailable; keeping the engine's text");
      return done("fallback", engineInterpretation(req.fallback));
    }
  }

  private sdk(): ReturnType<typeof newClient> {
    this.client ??= newClient(this.cfg);
    return this.client;
  }
}

/** The SDK loads on first use: it costs a quarter of a second and most deployments never need it. */
async function newClient(cfg: Config["ai"]) {
  const { default: AnthropicClient } = await import("@anthropic-ai/sdk");
  return new AnthropicClient({
    apiKey: cfg.apiKey,
    baseURL: cfg.baseUrl ?? null,
    timeout: cfg.timeoutMs,
    // One retry of a 429/5xx; the timeout signal bounds the whole exchange anyway.
    maxRetries: 1,
  });
}

/** The interpreter a service runs with: the model when a key is configured, the engine's text otherwise. */
export function createInterpreter(cfg: Config["ai"], opts: AnthropicInterpreterOptions = {}): Interpreter {
  return new AnthropicInterpreter(cfg, opts);
}
