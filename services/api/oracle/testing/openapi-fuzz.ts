import { expect } from "chai";
import fc from "fast-check";
import request from "supertest";

/**
 * A property fuzz driven by the API's own OpenAPI document: for every route under a base path it
 * builds requests from the route's documented body, query and path schemas (valid values, near
 * misses and junk mixed), sends them, and requires that no answer is a 5xx and every error has the
 * one error shape. New routes are fuzzed as soon as they are documented, which the toolkit does
 * for every route it serves.
 */

type Schema = Readonly<Record<string, unknown>>;

interface OpenApiDoc {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

interface Operation {
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly schema?: Schema }[];
  readonly requestBody?: { readonly content?: { readonly "application/json"?: { readonly schema?: Schema } } };
  readonly security?: readonly unknown[];
}

export interface FuzzTarget {
  readonly method: "get" | "post" | "put" | "patch" | "delete";
  /** The documented path, with {param} placeholders. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly query: readonly { readonly name: string; readonly schema: Schema }[];
  readonly body?: Schema;
  readonly isPublic: boolean;
}

/** Real values (ids, tokens, chat ids) by field or parameter name, so requests reach past "not found". */
export type Known = Readonly<Record<string, readonly (string | number)[]>>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

export function fuzzTargets(doc: OpenApiDoc, base: string): FuzzTarget[] {
  const targets: FuzzTarget[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (path !== base && !path.startsWith(`${base}/`)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      targets.push({
        method,
        path,
        pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
        query: params.filter((p) => p.in === "query").map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.["application/json"]?.schema,
        isPublic: !op.security || op.security.length === 0,
      });
    }
  }
  return targets;
}

/** Awkward values of every JSON kind. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, true, -1, 0, 1e308, -1e-308, 2 ** 53, "", " ", "\u0000", "'; DROP TABLE oracle_readings; --", "x' OR '1'='1", "a".repeat(3000), "2026-02-30", "99:99", "NaN", "null"),
  fc.string({ unit: "binary", maxLength: 60 }),
);

function resolve(schema: Schema, doc: OpenApiDoc): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.replace("#/components/schemas/", "");
  return doc.components?.schemas?.[name] ?? {};
}

function stringOf(s: Schema, known: readonly (string | number)[] | undefined): fc.Arbitrary<string> {
  const fromKnown = known?.length ? [fc.constantFrom(...known.map(String))] : [];
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum.filter((v) => v !== null) as string[]));
  if (s.format === "uuid") return fc.oneof(...fromKnown, fc.uuid());
  if (s.format === "date") return fc.oneof(...fromKnown, fc.date({ min: new Date("1890-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  if (s.format === "date-time") return fc.date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString());
  if (typeof s.pattern === "string") return fc.oneof(...fromKnown, fc.stringMatching(new RegExp(s.pattern)).map((v) => v.slice(0, 300)));
  const maxLength = typeof s.maxLength === "number" ? Math.min(s.maxLength + 2, 600) : 80;
  return fc.oneof(...fromKnown, fc.string({ maxLength }), fc.constantFrom("Ada Lovelace", "علی رضایی", "Will it rain?", "Europe/London", "nul\u0000inside"));
}

function numberOf(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof s.minimum === "number" ? s.minimum : -1e6;
  const max = typeof s.maximum === "number" ? s.maximum : 1e6;
  const inRange = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, 0.5) });
}

/**
 * Values for `schema`: what it describes, and with `mutate` sometimes junk in place of any part
 * (so one bad field among good ones, the case that reaches deepest before failing).
 */
export function valueOf(schema: Schema, doc: OpenApiDoc, known: Known, name = "", depth = 0, mutate = true): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const good = shaped(s, doc, known, name, depth, mutate);
  return mutate ? fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: junk }) : good;
}

function shaped(s: Schema, doc: OpenApiDoc, known: Known, name: string, depth: number, mutate: boolean): fc.Arbitrary<unknown> {
  const alternatives = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((alt) => valueOf(alt, doc, known, name, depth, mutate)));
  if ("const" in s) return fc.constant(s.const);
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  const type = types.find((t) => t !== "null") ?? (s.properties ? "object" : "");
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case "string":
        return stringOf(s, known[name]);
      case "integer":
        return known[name]?.length ? fc.oneof(fc.constantFrom(...known[name]!), numberOf(s, true)) : numberOf(s, true);
      case "number":
        return numberOf(s, false);
      case "boolean":
        return fc.boolean();
      case "array": {
        const items = (s.items as Schema | undefined) ?? {};
        const maxLength = typeof s.maxItems === "number" ? s.maxItems + 1 : 4;
        const listed = known[name]?.length ? [fc.shuffledSubarray([...known[name]!], { minLength: 0 })] : [];
        return fc.oneof(...listed, fc.array(valueOf(items, doc, known, name.replace(/s$/, ""), depth + 1, mutate), { maxLength }));
      }
      case "object": {
        if (depth > 3) return fc.constant({});
        const props = (s.properties ?? {}) as Record<string, Schema>;
        const required = (s.required ?? []) as string[];
        const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueOf(v, doc, known, k, depth + 1, mutate)])), {
          requiredKeys: required.filter((k) => k in props),
        });
        const extra = s.additionalProperties && typeof s.additionalProperties === "object" ? fc.dictionary(fc.string({ maxLength: 12 }), valueOf(s.additionalProperties as Schema, doc, known, "", depth + 1, mutate), { maxKeys: 4 }) : fc.constant({});
        return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
      }
      default:
        return junk;
    }
  })();
  return types.includes("null") && mutate ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

export interface FuzzRequest {
  readonly path: string;
  readonly query: string;
  readonly body?: { readonly json?: unknown; readonly raw?: string };
}

/** Whole requests for a target: path parameters, a query string and (for writes) a body. */
export function requestsFor(target: FuzzTarget, doc: OpenApiDoc, known: Known): fc.Arbitrary<FuzzRequest> {
  const segment = (name: string) => {
    const real = known[name]?.length ? [{ weight: 4, arbitrary: fc.constantFrom(...known[name]!.map(String)) }] : [];
    return fc.oneof(...real, fc.uuid(), fc.string({ maxLength: 40 }).filter((s) => s.length > 0), fc.constantFrom("-1", "0", "9007199254740993", "%2e%2e", "null"));
  };
  const params = fc.tuple(...target.pathParams.map(segment));
  const query = fc
    .array(
      fc.oneof(
        ...target.query.map((q) => valueOf(q.schema, doc, known, q.name).map((v) => [q.name, typeof v === "string" ? v : JSON.stringify(v)] as const)),
        fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })),
      ),
      { maxLength: target.query.length + 1 },
    )
    .map((pairs) => new URLSearchParams(pairs as [string, string][]).toString());
  const body = target.body
    ? fc.oneof(
        { weight: 3, arbitrary: valueOf(target.body, doc, known, "", 0, false).map((json) => ({ json })) },
        { weight: 3, arbitrary: valueOf(target.body, doc, known).map((json) => ({ json })) },
        { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((raw) => ({ raw })) },
      )
    : fc.constant(undefined);
  return fc.tuple(params, query, body).map(([values, q, b]) => ({
    path: target.pathParams.reduce((p, name, i) => p.replace(`{${name}}`, encodeURIComponent(values[i]!)), target.path),
    query: q,
    ...(b ? { body: b } : {}),
  }));
}

/** Sends a fuzzed request and checks the answer: never a 5xx, errors in the one shape. */
export async function sendAndCheck(app: Parameters<typeof request>[0], target: FuzzTarget, r: FuzzRequest, authorization: string | undefined): Promise<void> {
  let req = request(app)[target.method](`${r.path}${r.query ? `?${r.query}` : ""}`);
  if (authorization) req = req.set("Authorization", authorization);
  if (r.body) req = req.set("Content-Type", "application/json").send(r.body.raw !== undefined ? r.body.raw : JSON.stringify(r.body.json));
  const res = await req;
  const what = `${target.method.toUpperCase()} ${r.path}?${r.query} ${JSON.stringify(r.body ?? null).slice(0, 400)} -> ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
  expect(res.status, what).to.be.below(500);
  if (res.status >= 400) expect(Object.keys(res.body.error ?? {}).sort(), what).to.deep.equal(res.body.error?.fields ? ["code", "fields", "message"] : ["code", "message"]);
}
