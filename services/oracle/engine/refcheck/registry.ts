/**
 * Maps a reference case's (module, engine, method) to the engine function that ports it. The
 * function is found by the naming rule: the method name without leading underscores, in
 * camelCase, exported from the module's TS file. Each tier lists its modules and the methods'
 * parameter names (for keyword arguments) in its own registry-*.ts.
 */

/** A TS module namespace (`import * as m from ...`). */
export type ModuleExports = Readonly<Record<string, unknown>>;

export interface ModuleRegistration {
  /** As in the cases, e.g. "core.julian_date_engine". */
  module: string;
  /** The class name, or null for module-level functions. */
  engine: string | null;
  exports: ModuleExports;
  /** Method name as in the cases -> its parameter names in order, as in the cases' kwargs. */
  methods: Readonly<Record<string, readonly string[]>>;
}

type EngineFunction = (...args: unknown[]) => unknown;

export interface Binding {
  name: string;
  fn: EngineFunction;
  params: readonly string[];
}

/** `_gender_polarity` -> `genderPolarity`. */
export function tsName(method: string): string {
  return method.replace(/^_+/, "").replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function key(module: string, engine: string | null, method: string): string {
  return `${module}|${engine ?? ""}|${method}`;
}

export class Registry {
  private readonly bindings = new Map<string, Binding>();

  constructor(registrations: readonly ModuleRegistration[]) {
    for (const reg of registrations) {
      for (const [method, params] of Object.entries(reg.methods)) {
        const name = tsName(method);
        const fn = reg.exports[name];
        if (typeof fn !== "function") {
          throw new Error(`${reg.module}: ${reg.engine ?? "(module)"}.${method} should be exported as ${name}()`);
        }
        const k = key(reg.module, reg.engine, method);
        if (this.bindings.has(k)) throw new Error(`${reg.module}: ${method} registered twice`);
        this.bindings.set(k, { name, fn: fn as EngineFunction, params });
      }
    }
  }

  lookup(module: string, engine: string | null, method: string): Binding | undefined {
    return this.bindings.get(key(module, engine, method));
  }

  get size(): number {
    return this.bindings.size;
  }
}

/**
 * The positional argument list for a call: positional arguments first, then each keyword at its
 * parameter's position; gaps stay undefined so the function's own defaults apply.
 */
export function bindArguments(binding: Binding, args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): unknown[] {
  const out: unknown[] = [...args];
  for (const [name, value] of Object.entries(kwargs)) {
    const i = binding.params.indexOf(name);
    if (i < 0) throw new Error(`${binding.name}() has no parameter '${name}'`);
    if (i < args.length) throw new Error(`${binding.name}() got '${name}' both by position and by keyword`);
    out[i] = value;
  }
  return out;
}
