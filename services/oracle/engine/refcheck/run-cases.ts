/** Runs reference cases through the engine and reports, per case, whether it agrees. */
import type { CaseFile, RefCase } from "./case-file";
import { PointerSet, firstDifference } from "./compare";
import { convertArgument } from "./datetime-arg";
import { bindArguments, type Registry } from "./registry";

export interface CaseOutcome {
  id: string;
  category: string;
  passed: boolean;
  /** Why it failed: the first differing pointer with got and expected, or the error. */
  reason?: string;
}

export interface FileReport {
  outcomes: CaseOutcome[];
  passed: number;
  failed: number;
}

const MAX_SHOWN = 160;

function show(value: unknown): string {
  if (value === undefined) return "(nothing)";
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > MAX_SHOWN ? s.slice(0, MAX_SHOWN) + "…" : s;
}

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

export function runCase(c: RefCase, registry: Registry, textPatterns: Readonly<Record<string, readonly string[]>>): CaseOutcome {
  const base = { id: c.id, category: c.category };
  const binding = registry.lookup(c.module, c.engine, c.method);
  if (binding === undefined) {
    return { ...base, passed: false, reason: `no engine function registered for ${c.module} ${c.engine ?? "(module)"}.${c.method}` };
  }
  let result: unknown;
  try {
    const args = bindArguments(binding, c.args.map(convertArgument), Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, convertArgument(v)])));
    result = binding.fn(...args);
  } catch (err) {
    if (c.raises) return { ...base, passed: true };
    return { ...base, passed: false, reason: `threw ${describeError(err)}` };
  }
  if (c.raises) {
    return { ...base, passed: false, reason: `returned ${show(result)}, expected ${c.raises.type}: ${c.raises.message}` };
  }
  const prose = new PointerSet([...c.text_paths, ...(textPatterns[`${c.engine}.${c.method}`] ?? [])]);
  const diff = firstDifference(result === undefined ? null : result, c.expected, prose);
  if (diff === null) return { ...base, passed: true };
  const where = diff.pointer === "" ? "(root)" : diff.pointer;
  const detail = diff.detail ? ` [${diff.detail}]` : "";
  return { ...base, passed: false, reason: `${where}: got ${show(diff.got)}, expected ${show(diff.expected)}${detail}` };
}

export function runCaseFile(file: CaseFile, registry: Registry): FileReport {
  const outcomes = file.cases.map((c) => runCase(c, registry, file.text_field_patterns));
  const passed = outcomes.filter((o) => o.passed).length;
  return { outcomes, passed, failed: outcomes.length - passed };
}
