/**
 * `nps bench api`: the API's throughput under autocannon at 50 connections. The servers run in a
 * child process (api-bench-server.ts); this process only generates load. Each scenario is measured
 * in rounds alternating with a bare node:http hello-world on the same machine at the same moment,
 * so the ratio says what the API's stack costs; each side keeps its best round. The same rounds load
 * bare node:http giving the scenario's own answer and nothing else (./answer-replay.ts): the
 * ceiling that answer's size sets on any server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { API_NODE_OPTIONS } from "../api/node-options";
import type { BenchServerInfo } from "./api-bench-server";
import { SCENARIOS, type ApiScenario } from "./api-bench-scenarios";
import { keepAnswer, type KeptAnswer } from "./answer-replay";
import { progressReporter } from "./measure";

export const CONNECTIONS = 50;

export interface ApiBenchOptions {
  readonly json: boolean;
  readonly quick: boolean;
}

export interface Measured {
  readonly requests_per_second: number;
  readonly p99_ms: number;
}

/** Bare node:http giving the scenario's own answer (read the request, serialize, send; nothing else). */
export interface AnswerOnly extends Measured {
  /** Its rate as a share of the hello-world's in the same rounds: no server giving this answer passes it. */
  readonly ratio: number;
  /** The answer's size in UTF-8 bytes. */
  readonly bytes: number;
}

export type ScenarioResult =
  | {
      readonly name: ApiScenario["name"];
      readonly status: "measured";
      readonly api: Measured;
      readonly bare: Measured;
      readonly ratio: number;
      readonly answer_only: AnswerOnly;
      readonly goal: ApiScenario["goal"];
      readonly meets_goal: boolean;
    }
  | { readonly name: ApiScenario["name"]; readonly status: "skipped"; readonly reason: string };

export interface ApiBenchResult {
  readonly connections: number;
  readonly database: string;
  readonly redis: string;
  readonly scenarios: ScenarioResult[];
}

function startServerProcess(): Promise<{ child: ChildProcess; info: BenchServerInfo }> {
  const ext = path.extname(__filename);
  const script = path.join(__dirname, `api-bench-server${ext}`);
  // With the Node.js flags the API is deployed with, so the bench measures what runs.
  const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, API_NODE_OPTIONS].filter(Boolean).join(" ") };
  const child = spawn(process.execPath, [...(ext === ".ts" ? ["--import", "tsx"] : []), script], { stdio: ["ignore", "pipe", "inherit"], env });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the API bench server did not start within 120 s"));
    }, 120_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the API bench server exited with ${code}`));
    });
    createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({ child, info: JSON.parse(line) as BenchServerInfo });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function load(url: string, seconds: number, init: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string } = {}): Promise<Measured> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, method: init.method ?? "GET", headers: init.headers, body: init.body });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${init.method ?? "GET"} ${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return { requests_per_second: Math.round(result.requests.average), p99_ms: result.latency.p99 };
}

const better = (a: Measured | undefined, b: Measured): Measured => (!a || b.requests_per_second > a.requests_per_second ? b : a);

/** a's rate as a share of b's, to three places. */
const shareOf = (a: Measured, b: Measured): number => Math.round((a.requests_per_second / b.requests_per_second) * 1000) / 1000;

/** One answer of the scenario's request, as the API gives it, for the replay to give under load. */
async function sampleAnswer(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<{ answer: KeptAnswer; bytes: number }> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status < 200 || res.status > 299) throw new Error(`${init.method} ${url} answered ${res.status}: ${text}`);
  return { answer: { status: res.status, body: JSON.parse(text) as unknown }, bytes: Buffer.byteLength(text, "utf8") };
}

export async function runApiBench(opts: ApiBenchOptions, out: (s: string) => void = (s) => process.stdout.write(s)): Promise<ApiBenchResult> {
  const progress = progressReporter();
  const seconds = opts.quick ? 3 : 8;
  const rounds = opts.quick ? 1 : 2;

  progress("starting the API bench server");
  const { child, info } = await startServerProcess();
  const scenarios: ScenarioResult[] = [];
  try {
    for (const scenario of SCENARIOS) {
      if (!info.routes.includes(scenario.route)) {
        scenarios.push({ name: scenario.name, status: "skipped", reason: `the API does not serve ${scenario.route} yet` });
        continue;
      }
      const ctx = { apiUrl: info.apiUrl, token: info.token };
      const body = scenario.setup ? await scenario.setup(ctx) : undefined;
      const init = {
        method: scenario.method,
        headers: { ...(scenario.authenticated ? { authorization: `Bearer ${info.token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      };
      const target = `${info.apiUrl}${scenario.path}`;
      const sample = await sampleAnswer(target, init);
      const replay = `${info.replayUrl}/${scenario.name}`;
      await keepAnswer(info.replayUrl, scenario.name, sample.answer);
      progress(`${scenario.name}: warming up`);
      await load(info.bareUrl, 1);
      await load(replay, 1, init);
      await load(target, 1, init);
      let api: Measured | undefined;
      let bare: Measured | undefined;
      let answerAlone: Measured | undefined;
      for (let r = 1; r <= rounds; r++) {
        progress(`${scenario.name} round ${r}/${rounds}: bare node:http`);
        bare = better(bare, await load(info.bareUrl, seconds));
        progress(`${scenario.name} round ${r}/${rounds}: its answer alone`);
        answerAlone = better(answerAlone, await load(replay, seconds, init));
        progress(`${scenario.name} round ${r}/${rounds}: API`);
        api = better(api, await load(target, seconds, init));
      }
      const ratio = shareOf(api!, bare!);
      const answer_only: AnswerOnly = { ...answerAlone!, ratio: shareOf(answerAlone!, bare!), bytes: sample.bytes };
      const { ratio: ratioGoal, p99Ms } = scenario.goal;
      const meets = (ratioGoal === undefined || ratio >= ratioGoal) && (p99Ms === undefined || api!.p99_ms < p99Ms);
      scenarios.push({ name: scenario.name, status: "measured", api: api!, bare: bare!, ratio, answer_only, goal: scenario.goal, meets_goal: meets });
    }
  } finally {
    progress("");
    await stop(child);
  }

  const result: ApiBenchResult = { connections: CONNECTIONS, database: info.database, redis: info.redis, scenarios };
  if (opts.json) out(`${JSON.stringify(result)}\n`);
  else out(render(result));
  return result;
}

function render(result: ApiBenchResult): string {
  const lines = [`autocannon, ${result.connections} connections; database ${result.database}, cache ${result.redis}`];
  for (const s of result.scenarios) {
    if (s.status === "skipped") {
      lines.push(`${s.name.padEnd(24)} skipped: ${s.reason}`);
      continue;
    }
    const goal = `goal ${[...(s.goal.ratio !== undefined ? [`≥${s.goal.ratio * 100}%`] : []), ...(s.goal.p99Ms !== undefined ? [`p99 <${s.goal.p99Ms} ms`] : [])].join(", ")}`;
    lines.push(
      `${s.name.padEnd(24)} ${String(s.api.requests_per_second).padStart(7)} req/s  p99 ${String(s.api.p99_ms).padStart(4)} ms` +
        `   bare ${String(s.bare.requests_per_second).padStart(7)} req/s  p99 ${String(s.bare.p99_ms).padStart(4)} ms` +
        `   ${(s.ratio * 100).toFixed(1)}% of bare (${goal}: ${s.meets_goal ? "met" : "NOT met"})` +
        `   its ${s.answer_only.bytes}-byte answer alone ${s.answer_only.requests_per_second} req/s, ${(s.answer_only.ratio * 100).toFixed(1)}% of bare`,
    );
  }
  return `${lines.join("\n")}\n`;
}
