/**
 * Structural comparison of an engine result with a reference expectation: numbers numerically,
 * strings exactly, arrays in order, objects by key (order free). At a prose pointer only the kind
 * of value is compared (a string stays a string, null stays null). Pointers may use `*` for any
 * one key or index.
 */

export interface Difference {
  pointer: string;
  got: unknown;
  expected: unknown;
  /** Set when the difference is not a plain value mismatch (a missing or extra key, a length). */
  detail?: string;
}

/** JSON Pointer patterns split into tokens, for matching while walking. */
export class PointerSet {
  private readonly patterns: string[][];

  constructor(pointers: readonly string[]) {
    this.patterns = pointers.map(splitPointer);
  }

  matches(tokens: readonly string[]): boolean {
    return this.patterns.some((p) => p.length === tokens.length && p.every((t, i) => t === "*" || t === tokens[i]));
  }
}

/** RFC 6901 tokens of a pointer ("" is the whole document). */
export function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`bad JSON pointer '${pointer}'`);
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((t) => "/" + t.replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

type Kind = "null" | "boolean" | "number" | "string" | "array" | "object" | "missing" | "other";

function kindOf(v: unknown): Kind {
  if (v === undefined) return "missing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  const t = typeof v;
  if (t === "boolean" || t === "number" || t === "string") return t;
  return t === "object" ? "object" : "other";
}

/** The first difference between got and expected, or null when they agree. */
export function firstDifference(got: unknown, expected: unknown, prose: PointerSet): Difference | null {
  return walk(got, expected, [], prose);
}

function walk(got: unknown, expected: unknown, path: string[], prose: PointerSet): Difference | null {
  const gk = kindOf(got);
  const ek = kindOf(expected);
  const here = (detail?: string): Difference => ({ pointer: formatPointer(path), got, expected, ...(detail ? { detail } : {}) });
  if (gk !== ek) return here(gk === "missing" ? "missing" : undefined);
  if (prose.matches(path) && (ek === "string" || ek === "null")) return null;
  switch (ek) {
    case "array": {
      const g = got as unknown[];
      const e = expected as unknown[];
      if (g.length !== e.length) return here(`length ${g.length}, expected ${e.length}`);
      for (let i = 0; i < e.length; i++) {
        const d = walk(g[i], e[i], [...path, String(i)], prose);
        if (d) return d;
      }
      return null;
    }
    case "object": {
      const g = got as Record<string, unknown>;
      const e = expected as Record<string, unknown>;
      for (const key of Object.keys(e)) {
        const d = walk(Object.prototype.hasOwnProperty.call(g, key) ? g[key] : undefined, e[key], [...path, key], prose);
        if (d) return d;
      }
      for (const key of Object.keys(g)) {
        if (!Object.prototype.hasOwnProperty.call(e, key) && g[key] !== undefined) {
          return { pointer: formatPointer([...path, key]), got: g[key], expected: undefined, detail: "unexpected key" };
        }
      }
      return null;
    }
    case "number":
      return got === expected || (Number.isNaN(got) && Number.isNaN(expected)) ? null : here();
    default:
      return got === expected ? null : here();
  }
}
