import { createHash } from "node:crypto";
import type http from "node:http";
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import { z, type ZodObject, type ZodType } from "zod";
import type { ApiDeps } from "../deps";
import type { AuditEntry } from "../audit";
import type { CachedResponse } from "../../lib/cache/principal-cache";
import type { Principal } from "../auth/principal";
import { seesAll } from "../auth/principal";
import type { Role, Scope } from "../auth/scopes";
import type { UserEvent } from "../events/event-bus";
import type { ApiMetrics } from "../metrics";
import { describeFields, zodFields } from "./error-converter";
import { forbidden, HttpError, notFound, unauthorized } from "./errors";
import { allowOn } from "./method-not-allowed";
import { ERROR_SCHEMA } from "./openapi";
import type { RateLimiters } from "./rate-limits";
import { lookUpOnce } from "./cache-lookup";
import { namesEtag, writeCached } from "./cached-reply";
import { responseCacheKey } from "./response-cache-key";
import type { RouteTable } from "./route-table";

/**
 * The route toolkit: one declaration per route gives its Express handler, its request validation
 * (zod, at the edge) and its OpenAPI entry, so the document cannot drift from what is enforced.
 * services/api/README.md shows how a feature uses it; services/api/users/ is the worked example.
 */

/** A principal holding every listed scope (and, if given, one of the roles). Type shared rules with it. */
export type RequiredAuth = { readonly scopes?: readonly Scope[]; readonly roles?: readonly Role[] };

/** Who may call: "public", or a principal meeting a RequiredAuth. */
export type AuthRule = "public" | RequiredAuth;

type AnyObject = ZodObject;
type Out<S> = S extends ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B, A extends AuthRule> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The caller; always present unless the route is public. */
  readonly principal: [A] extends [RequiredAuth] ? Principal : Principal | undefined;
  readonly req: Request;
  readonly res: Response;
  readonly deps: ApiDeps;
  /** Appends an audit row (actor, api key and address filled in); never fails the request. */
  audit(entry: AuditEntry): Promise<void>;
  /** Clears a user's cached responses (a successful write already clears the caller's own). */
  invalidateCache(userId: string): Promise<void>;
  /** Sends an event to the user's WebSocket connections, on every replica. */
  publish(userId: string, event: UserEvent): void;
}

export interface RouteSpec<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends ZodType | undefined, R extends ZodType | undefined, A extends AuthRule> {
  readonly method: "get" | "post" | "put" | "patch" | "delete";
  /** Express path relative to the module's base, e.g. "/:user_id/role". */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly auth: A;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Schema of the success body (documentation only); omit for 204. */
  readonly response?: R;
  /** Success status: 200 by default, 201 for creations, 204 for no body. */
  readonly status?: 200 | 201 | 202 | 204;
  /** "ai": the route may call the AI interpreter and counts against the hourly AI limit. */
  readonly rateLimit?: "ai";
  /** Extra middleware run after authentication and before validation (the login limiters, say). */
  readonly middleware?: readonly RequestHandler[];
  /** GET only: keep the response per caller for this long, answer with ETag, 304 on If-None-Match. */
  readonly cache?: { readonly ttlSeconds: number };
  /** Extra documented failures beyond the standard ones, status → description. */
  readonly errors?: Readonly<Record<number, string>>;
  readonly handler: (ctx: RouteContext<Out<P>, Out<Q>, Out<B>, A>) => Promise<Out<R> | Reply<Out<R>> | void> | Out<R> | Reply<Out<R>> | void;
}

/** A success body with a status other than the route's usual one (readiness answering 503, say). */
export class Reply<T> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}

/** What the toolkit needs from the app around it. */
export interface RouteRuntime {
  readonly deps: ApiDeps;
  readonly registry: OpenAPIRegistry;
  readonly limiters: RateLimiters;
  readonly metrics: ApiMetrics;
  /**
   * Cached reads the fast lane may answer (services/api/http/fast-reads.ts), pattern → auth rule:
   * those whose Express path between authentication and the cache lookup is requireAuth alone.
   */
  readonly cachedReads?: Map<string, AuthRule>;
  /** Every route in mount order, for the app's table of fixed paths (services/api/http/route-table.ts). */
  readonly table?: RouteTable;
  audit(req: Request, entry: AuditEntry): Promise<void>;
}

/** A feature's routes: mounted under `base`, grouped under `tag` in the OpenAPI document. */
export interface RouteModule {
  readonly base: string;
  readonly tag: string;
  register(router: ApiRouter): void;
}

export class ApiRouter {
  readonly router: Router = express.Router();
  /** Methods by path, for the 405 of finish(). */
  private readonly methods = new Map<string, Set<string>>();

  constructor(
    readonly base: string,
    readonly tag: string,
    private readonly runtime: RouteRuntime,
  ) {}

  get deps(): ApiDeps {
    return this.runtime.deps;
  }

  get limiters(): RateLimiters {
    return this.runtime.limiters;
  }

  get metrics(): ApiMetrics {
    return this.runtime.metrics;
  }

  route<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends ZodType | undefined = undefined, R extends ZodType | undefined = undefined, A extends AuthRule = AuthRule>(
    spec: RouteSpec<P, Q, B, R, A>,
  ): void {
    const pattern = this.patternOf(spec.path);
    this.document(spec, pattern);
    const handlers: RequestHandler[] = [markRoute(pattern)];
    if (spec.auth !== "public") handlers.push(requireAuth(spec.auth));
    if (spec.rateLimit === "ai") handlers.push(this.runtime.limiters.ai);
    handlers.push(...(spec.middleware ?? []));
    handlers.push(this.handle(spec, pattern));
    if (spec.method === "get" && spec.cache && !spec.rateLimit && !spec.middleware?.length) this.runtime.cachedReads?.set(pattern, spec.auth);
    this.router[spec.method](spec.path, ...handlers);
    this.runtime.table?.add(spec.method, this.base, pattern, handlers);
    if (!this.methods.has(spec.path)) this.methods.set(spec.path, new Set());
    this.methods.get(spec.path)!.add(spec.method);
  }

  /** After the module's routes: a known path asked with another method answers 405 with Allow. */
  finish(): void {
    for (const [path, methods] of this.methods) {
      this.router.all(path, allowOn(methods));
      this.runtime.table?.addAnyMethod(this.patternOf(path));
    }
  }

  /** A path under this module as the app sees it. */
  private patternOf(path: string): string {
    return `${this.base}${path === "/" ? "" : path}` || "/";
  }

  private handle<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends ZodType | undefined, R extends ZodType | undefined, A extends AuthRule>(
    spec: RouteSpec<P, Q, B, R, A>,
    pattern: string,
  ): RequestHandler {
    const runtime = this.runtime;
    const { cache } = runtime.deps.cacheLayer;
    const cacheable = spec.method === "get" && spec.cache !== undefined;
    return async (req, res) => {
      const principal = req.principal;
      // A hit was stored by this route after the same URL passed validation, so it is looked up first.
      const cacheKey = cacheable && principal ? responseCacheKey(req.originalUrl, principal.scopes) : undefined;
      if (cacheKey && principal) {
        const hit = await lookUpOnce(cache, req, principal.userId, cacheKey);
        runtime.metrics.cacheLookups.inc({ result: hit ? "hit" : "miss" });
        if (hit) {
          sendCached(req, res, hit, "HIT");
          return;
        }
      }
      const params = parsePart(spec.params, req.params, "params") as Out<P>;
      const query = parsePart(spec.query, req.query, "query") as Out<Q>;
      const body = parseBody(spec.body, req.body) as Out<B>;

      const ctx: RouteContext<Out<P>, Out<Q>, Out<B>, A> = {
        params,
        query,
        body,
        principal: principal as RouteContext<Out<P>, Out<Q>, Out<B>, A>["principal"],
        req,
        res,
        deps: runtime.deps,
        audit: (entry) => runtime.audit(req, entry),
        invalidateCache: (userId) => cache.invalidate(userId),
        publish: (userId, event) => runtime.deps.events.publish(userId, event),
      };
      // What the handler answers, once it has run (nothing to send when it wrote the response itself).
      const answer = async (): Promise<Answer> => {
        const returned = await spec.handler(ctx);
        if (res.headersSent) return { kind: "sent" };
        const result = returned instanceof Reply ? returned.body : returned;
        const status = returned instanceof Reply ? returned.status : (spec.status ?? 200);
        if (spec.method !== "get" && principal) await cache.invalidate(principal.userId);
        if (status === 204 || result === undefined) return { kind: "empty" };
        return { kind: "json", status, text: JSON.stringify(result) };
      };

      if (!cacheKey || !principal) {
        send(res, principal, await answer());
        return;
      }
      // Identical requests missing the cache at the same time share one run of the handler.
      const mine: { answer?: Answer } = {};
      const shared = await cache.fill(principal.userId, cacheKey, spec.cache!.ttlSeconds, async () => {
        const own = await answer();
        mine.answer = own;
        if (own.kind !== "json" || own.status >= 300) return undefined;
        return { status: own.status, contentType: "application/json", body: own.text, etag: `"${createHash("sha1").update(own.text).digest("base64url")}"`, route: pattern };
      });
      if (shared) {
        sendCached(req, res, shared, "MISS");
        return;
      }
      // Not an answer to keep (an error status, no body): a request that waited for it runs its own.
      send(res, principal, mine.answer ?? (await answer()));
    };
  }

  private document(spec: RouteSpec<AnyObject | undefined, AnyObject | undefined, ZodType | undefined, ZodType | undefined, AuthRule>, pattern: string): void {
    const responses: Record<string, ResponseConfig> = {};
    const status = spec.status ?? 200;
    responses[String(status)] =
      status === 204 || !spec.response
        ? { description: "Success, no body" }
        : { description: "Success", content: { "application/json": { schema: spec.response } } };
    const errorResponse = (description: string): ResponseConfig => ({ description, content: { "application/json": { schema: ERROR_SCHEMA } } });
    if (spec.params || spec.query || spec.body) responses["400"] = errorResponse("Invalid input; `fields` names each offending field");
    if (spec.auth !== "public") {
      responses["401"] = errorResponse("Missing, invalid, expired or revoked credentials");
      if (spec.auth.scopes?.length || spec.auth.roles?.length) responses["403"] = errorResponse("The caller lacks the role or scope");
    }
    responses["429"] = errorResponse("Rate limited; see Retry-After");
    for (const [code, description] of Object.entries(spec.errors ?? {})) responses[code] = errorResponse(description);

    const config: RouteConfig = {
      method: spec.method,
      path: pattern.replace(/:([A-Za-z0-9_]+)/g, "{$1}"),
      tags: [this.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      ...(spec.auth === "public" ? {} : { security: [{ bearerAuth: [] }, { apiKeyAuth: [] }] }),
      request: {
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { query: spec.query } : {}),
        ...(spec.body ? { body: { required: true, content: { "application/json": { schema: spec.body } } } } : {}),
      },
      responses,
    };
    this.runtime.registry.registerPath(config);
  }
}

/** A handler's outcome: it wrote the response itself, or a body-less success, or JSON text to send. */
type Answer = { readonly kind: "sent" } | { readonly kind: "empty" } | { readonly kind: "json"; readonly status: number; readonly text: string };

function send(res: Response, principal: Principal | undefined, answer: Answer): void {
  if (answer.kind === "sent") return;
  if (principal) res.setHeader("Cache-Control", "private, no-cache");
  if (answer.kind === "empty") res.status(204).end();
  else writeJson(res, answer.status, answer.text);
}

/**
 * JSON text with the headers res.send gives it (Content-Type with its charset, Content-Length),
 * in one writeHead: a route's answer carries no ETag and no Last-Modified, so res.send's freshness
 * check could never answer 304 for it, and its content-type lookup would find the same type each time.
 */
function writeJson(res: http.ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text, "utf8");
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": body.length });
  res.end(body);
}

/** Records the route pattern for metrics (never the raw URL, whose ids would explode the label set). */
function markRoute(pattern: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.route = pattern;
    next();
  };
}

/** 401 without a principal (saying why presented credentials failed); 403 without the role or a scope. */
export function requireAuth(rule: RequiredAuth): RequestHandler {
  return (req, _res, next) => {
    const principal = req.principal;
    if (!principal) throw unauthorized(req.authFailure);
    const refused = refusal(rule, principal);
    if (refused) throw refused;
    next();
  };
}

/** The 403 a principal gets from a rule (lacking the role or a scope), or undefined when the rule admits it. */
export function refusal(rule: RequiredAuth, principal: Principal): HttpError | undefined {
  if (rule.roles && !rule.roles.includes(principal.role)) return forbidden(`requires the role ${rule.roles.join(" or ")}`);
  for (const scope of rule.scopes ?? []) {
    if (!principal.scopes.has(scope)) return forbidden(`requires the scope ${scope}`);
  }
  return undefined;
}

function parsePart(schema: ZodType | undefined, value: unknown, where: "params" | "query"): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {});
  const label = `invalid ${where === "params" ? "path" : "query"}: `;
  if (parsed.success) return refuseNul(parsed.data, label);
  const fields = zodFields(parsed.error);
  throw new HttpError(400, "invalid_input", `${label}${describeFields(fields)}`, fields);
}

function parseBody(schema: ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  if (value === undefined) {
    throw new HttpError(400, "invalid_input", "body: a JSON body is required (Content-Type: application/json)", { body: "a JSON body is required" });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return refuseNul(parsed.data, "");
  const fields = zodFields(parsed.error);
  throw new HttpError(400, "invalid_input", describeFields(fields), fields);
}

/**
 * PostgreSQL text cannot hold the NUL character, so a value carrying one could never be stored or
 * searched: every route refuses it here, naming the field, instead of failing at the database.
 */
function refuseNul<T>(value: T, label: string): T {
  const path = nulPath(value, []);
  if (path) {
    const fields = { [path]: "must not contain the NUL character" };
    throw new HttpError(400, "invalid_input", `${label}${describeFields(fields)}`, fields);
  }
  return value;
}

function nulPath(value: unknown, at: readonly (string | number)[]): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? at.join(".") || "body" : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...at, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes("\u0000")) return [...at, key].join(".");
      const found = nulPath(inner, [...at, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A stored answer, or its 304 when If-None-Match names its tag. Any other If-None-Match ("*", a
 * list split by spaces) goes through res.send, whose freshness check decides as it always has.
 */
function sendCached(req: Request, res: Response, entry: CachedResponse, outcome: "HIT" | "MISS"): void {
  const inm = req.headers["if-none-match"];
  if (!inm || namesEtag(inm, entry.etag)) {
    writeCached(res as http.ServerResponse, entry, outcome, inm !== undefined);
    return;
  }
  res.setHeader("ETag", entry.etag);
  res.setHeader("Cache-Control", "private, no-cache");
  res.setHeader("X-Cache", outcome);
  res.status(entry.status).type("application/json").send(entry.body);
}

/**
 * For "owner sees own, moderators see all": the resource when the caller may see it, else 404
 * (never 403, which would confirm that someone else's resource exists).
 */
export function ownedOr404<T>(principal: Principal, resource: T | undefined | null, ownerId: (r: T) => string, what: string): T {
  if (resource === undefined || resource === null) throw notFound(what);
  if (ownerId(resource) !== principal.userId && !seesAll(principal)) throw notFound(what);
  return resource;
}
