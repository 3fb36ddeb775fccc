import * as pulumi from "@pulumi/pulumi";
import { PlanMocks } from "../../plan/mocks";
import { SECRET, UNKNOWN } from "../../plan/decode";

/**
 * Runs one component under Pulumi's mocks, in this process, and returns every resource it
 * declares with its resolved inputs, its parent and its explicit dependencies. The component's
 * own `transformations` option reaches each child (Pulumi applies a parent's transformations to
 * its children), so the capture uses only public API.
 *
 * A secret input shows as [secret], as in `nps plan`.
 *
 * With `preview: true` the mocks answer as a first `pulumi preview` does: every value a provider
 * computes (ids, ARNs, endpoints) is unknown, and only the inputs are known.
 *
 *   const plan = await planComponent((opts) => new Alarms("a", { kmsKeyArn: KEY }, opts));
 *   plan.one("aws:sqs/queue:Queue", "a-queue").inputs
 */

export interface CapturedResource {
  readonly type: string;
  readonly name: string;
  readonly parent: string | null;
  readonly inputs: Record<string, unknown>;
  /** Names of the resources named in its dependsOn option. */
  readonly dependsOn: readonly string[];
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly ignoreChanges: readonly string[];
  readonly customTimeouts?: pulumi.CustomTimeouts;
}

export interface ComponentPlanOptions {
  readonly preview?: boolean;
  readonly stack?: string;
  readonly region?: string;
}

/** Mocks for a first preview: the engine knows the inputs and nothing it would compute. */
class PreviewMocks implements pulumi.runtime.Mocks {
  constructor(private readonly known: PlanMocks) {}
  newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
    return { id: undefined, state: { ...args.inputs } };
  }
  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    return this.known.call(args);
  }
}

function decode(value: unknown): unknown {
  if (pulumi.isUnknown(value)) return UNKNOWN;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decode);
  if ((value as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) return SECRET;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, decode(v)]));
}

const settled = (r: pulumi.Resource) => new Promise<void>((resolve) => r.urn.apply(() => resolve()));

export class ComponentPlan<T> {
  constructor(
    readonly component: T,
    readonly resources: readonly CapturedResource[],
  ) {}

  ofType(type: string): CapturedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  one(type: string, name: string): CapturedResource {
    const r = this.resources.find((x) => x.type === type && x.name === name);
    if (!r) throw new Error(`no ${type} named ${name}; declared: ${this.resources.map((x) => `${x.type} ${x.name}`).join(", ")}`);
    return r;
  }

  /** The only resource of a type. */
  only(type: string): CapturedResource {
    const all = this.ofType(type);
    if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
    return all[0];
  }

  /** A JSON document input (an IAM policy, a container definition list), parsed. */
  json<J = Record<string, unknown>>(type: string, name: string, input: string): J {
    const raw = this.one(type, name).inputs[input];
    if (typeof raw !== "string") throw new Error(`${type} ${name}: ${input} is not a JSON string (${String(raw)})`);
    return JSON.parse(raw) as J;
  }
}

/**
 * Mocks and a transformation that together record what a program declares: the mocks see the
 * resolved inputs, the transformation sees parents and dependsOn options.
 */
export class Capture {
  private readonly inputs = new Map<string, Record<string, unknown>>();
  private readonly names = new Map<pulumi.Resource, string>();
  private readonly declared: Array<{ resource: pulumi.Resource; type: string; name: string; opts: pulumi.ResourceOptions }> = [];
  readonly mocks: pulumi.runtime.Mocks;

  constructor(readonly options: ComponentPlanOptions = {}) {
    const known = new PlanMocks(options.region ?? "eu-west-1");
    const base = options.preview ? new PreviewMocks(known) : known;
    this.mocks = {
      newResource: (args) => {
        this.inputs.set(`${args.type}::${args.name}`, decode(args.inputs) as Record<string, unknown>);
        return base.newResource(args) as { id: string; state: Record<string, unknown> };
      },
      call: (args) => base.call(args),
    };
  }

  readonly transformation: pulumi.ResourceTransformation = (args) => {
    this.names.set(args.resource, args.name);
    this.declared.push({ resource: args.resource, type: args.type, name: args.name, opts: args.opts });
    return undefined;
  };

  /** Waits until every declared resource is registered (and no new one appears), then lists them. */
  async resources(): Promise<CapturedResource[]> {
    for (let seen = -1; seen !== this.declared.length; ) {
      seen = this.declared.length;
      await Promise.all(this.declared.map((d) => settled(d.resource)));
    }
    const nameOf = (r: unknown) => (r instanceof pulumi.Resource ? (this.names.get(r) ?? "?") : "?");
    const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    return this.declared.map(({ type, name, opts }) => ({
      type,
      name,
      parent: opts.parent ? nameOf(opts.parent) : null,
      inputs: this.inputs.get(`${type}::${name}`) ?? {},
      dependsOn: list(opts.dependsOn).map(nameOf),
      protect: opts.protect === true,
      retainOnDelete: opts.retainOnDelete === true,
      ignoreChanges: opts.ignoreChanges ?? [],
      customTimeouts: opts.customTimeouts,
    }));
  }
}

export async function planComponent<T extends pulumi.Resource>(
  build: (opts: pulumi.ComponentResourceOptions) => T,
  options: ComponentPlanOptions = {},
): Promise<ComponentPlan<T>> {
  const capture = new Capture(options);
  await pulumi.runtime.setMocks(capture.mocks, "nps", options.stack ?? "test", options.preview ?? false);
  const component = build({ transformations: [capture.transformation] });
  return new ComponentPlan(component, await capture.resources());
}

/** An ARN-shaped input for components under test. */
export const TEST_KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/test";
