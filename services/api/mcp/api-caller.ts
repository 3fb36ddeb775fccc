/**
 * How the MCP tools reach the API: plain HTTP calls to its REST routes with the caller's own
 * credential, so every tool is authenticated, scoped, validated, stored and rate-limited exactly
 * as the same REST call is.
 */

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

export interface ApiCaller {
  call(method: "GET" | "POST", path: string, options?: { body?: unknown; query?: Query }): Promise<ApiAnswer>;
}

/** Calls `baseUrl` (e.g. http://127.0.0.1:8000) with the given headers on every request. */
export function httpApiCaller(baseUrl: string, headers: Readonly<Record<string, string>>, timeoutMs = 30_000): ApiCaller {
  return {
    async call(method, path, { body, query } = {}) {
      const url = new URL(path, baseUrl);
      for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
      const res = await fetch(url, {
        method,
        headers: { accept: "application/json", ...headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text === "" ? null : JSON.parse(text);
      } catch {
        // Not JSON: kept as text for the tool's answer.
      }
      return { status: res.status, body: parsed };
    },
  };
}
