import { ApiError } from "./errors";

/**
 * The page's one way to the REST API (the contract is /openapi.json): JSON in and out, the
 * bearer token from the sign-in, one silent refresh when the access token has run out, and every
 * failure as an ApiError the page can explain.
 */

export interface Tokens {
  readonly access_token: string;
  readonly refresh_token: string;
}

const STORAGE_KEY = "nps.tokens";
type Listener = (tokens: Tokens | null) => void;
const listeners = new Set<Listener>();

export function loadTokens(): Tokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function saveTokens(tokens: Tokens | null): void {
  try {
    if (tokens) localStorage.setItem(STORAGE_KEY, JSON.stringify({ access_token: tokens.access_token, refresh_token: tokens.refresh_token }));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: the session lasts for this page only.
  }
  if (!tokens) cache.clear();
  for (const l of listeners) l(tokens);
}

export function onTokens(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function toError(res: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; fields?: Record<string, string> } } = {};
  try {
    body = await res.json();
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  const retry = Number(res.headers.get("retry-after"));
  return new ApiError(res.status, body.error?.code ?? "error", body.error?.message ?? res.statusText, body.error?.fields ?? {}, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

let refreshing: Promise<boolean> | null = null;

async function refresh(): Promise<boolean> {
  const tokens = loadTokens();
  if (!tokens) return false;
  refreshing ??= fetch("/api/auth/refresh", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refresh_token: tokens.refresh_token }),
  })
    .then(async (res) => {
      if (!res.ok) return false;
      saveTokens((await res.json()) as Tokens);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

export interface RequestOptions {
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined | null>>;
  /** Send no token (the shared-reading view, the sign-in). */
  readonly anonymous?: boolean;
  readonly signal?: AbortSignal;
}

export function withQuery(path: string, query: RequestOptions["query"]): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

/**
 * Short-lived answers to GETs that several pages ask for in a row (the profile list), so moving
 * between pages does not spend the account's 60 requests a minute. Any write under the same
 * collection forgets them.
 */
const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

export function cachedApi<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const key = withQuery(path, options.query);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as Promise<T>;
  const value = api<T>(path, options);
  cache.set(key, { at: Date.now(), value });
  value.catch(() => cache.delete(key));
  return value;
}

function forget(path: string): void {
  const collection = path.split("?")[0]!.split("/").slice(0, 4).join("/");
  for (const key of cache.keys()) if (key.startsWith(collection)) cache.delete(key);
}

export async function api<T>(path: string, options: RequestOptions = {}, retried = false): Promise<T> {
  if ((options.method ?? "GET") !== "GET") forget(path);
  const tokens = options.anonymous ? null : loadTokens();
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method: options.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
        ...(tokens ? { authorization: `Bearer ${tokens.access_token}` } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError(0, "network", (err as Error).message);
  }
  if (res.status === 401 && tokens && !retried && path !== "/api/auth/refresh") {
    if (await refresh()) return api<T>(path, options, true);
    saveTokens(null);
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
