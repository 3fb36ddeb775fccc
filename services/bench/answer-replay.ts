import http from "node:http";
import { z } from "zod";

/**
 * The floor a scenario's answer sets on its own rate, whatever server gives it. A bare node:http
 * server reads each request (as any server must) and answers with the scenario's own answer,
 * serialized per request as an answer built from data has to be, and does nothing else. `nps
 * bench api` loads it beside the API in the same rounds, so a ratio goal above this floor's ratio
 * is out of reach of any server that keeps the answer as it is.
 *
 * `PUT /<name>` with `{"status": 201, "body": {...}}` keeps an answer; any other method at
 * `/<name>` replays it.
 */
export interface KeptAnswer {
  /** A success status: the bench loads it, and its load refuses anything else. */
  readonly status: number;
  readonly body: unknown;
}

const KeptAnswerSchema = z.object({
  status: z.number().int().min(200).max(299),
  body: z.unknown().refine((body) => body !== undefined, "an answer body is required"),
});

export function answerReplayServer(): http.Server {
  const answers = new Map<string, KeptAnswer>();
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const name = (req.url ?? "/").split("?")[0]!;
      if (req.method !== "PUT") {
        const kept = answers.get(name);
        if (kept) reply(res, kept.status, kept.body);
        else reply(res, 404, { error: { code: "not_found", message: `no answer is kept at ${name}: PUT one first` } });
        return;
      }
      const parsed = KeptAnswerSchema.safeParse(parseJson(Buffer.concat(chunks).toString("utf8")));
      if (!parsed.success) {
        const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "body", issue.message]));
        reply(res, 400, { error: { code: "invalid_input", message: "an answer is {status: 2xx, body}", fields } });
        return;
      }
      answers.set(name, { status: parsed.data.status, body: parsed.data.body });
      res.writeHead(204).end();
    });
  });
}

/** Keeps `answer` at `name` on a replay server, for its load to replay. */
export async function keepAnswer(replayUrl: string, name: string, answer: KeptAnswer): Promise<void> {
  const res = await fetch(`${replayUrl}/${name}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(answer) });
  if (res.status !== 204) throw new Error(`the answer replay refused ${name}: ${res.status} ${await res.text()}`);
}

/** The answer as the API sends a route's JSON: one writeHead with its type, charset and length. */
function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), "utf8");
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": bytes.length });
  res.end(bytes);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
