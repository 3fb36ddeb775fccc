import type { PlannedResource } from "../plan/run-plan";

/**
 * The dev stack's Docker resources, as the offline plan declares them, turned into the Docker
 * Engine API's own requests: what the Pulumi Docker provider sends for each input, and nothing
 * more. Pure: no engine here (engine-apply.ts sends them).
 */
export const TYPES = {
  network: "docker:index/network:Network",
  volume: "docker:index/volume:Volume",
  image: "docker:index/image:Image",
  remoteImage: "docker:index/remoteImage:RemoteImage",
  container: "docker:index/container:Container",
} as const;

export interface ContainerInputs {
  name: string;
  hostname?: string;
  image: string;
  command?: string[];
  envs?: string[];
  restart?: string;
  mustRun?: boolean;
  cpus?: string;
  memory?: number;
  shmSize?: number;
  healthcheck?: { tests: string[]; interval?: string; timeout?: string; startPeriod?: string; retries?: number };
  wait?: boolean;
  waitTimeout?: number;
  networksAdvanced?: Array<{ name: string; aliases?: string[] }>;
  volumes?: Array<{ volumeName?: string; hostPath?: string; containerPath: string; readOnly?: boolean }>;
  ports?: Array<{ internal: number; external: number; ip?: string; protocol?: string }>;
  uploads?: Array<{ file: string; content: string; permissions?: string }>;
  logDriver?: string;
  logOpts?: Record<string, string>;
  labels?: Array<{ label: string; value: string }>;
}

/** Go duration text as the provider takes it ("30s", "1m30s", "500ms") in nanoseconds. */
export function durationNs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const units: Record<string, number> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)/g;
  let rest = text;
  for (const m of text.matchAll(re)) {
    total += Number(m[1]) * units[m[2]];
    rest = rest.replace(m[0], "");
  }
  if (rest !== "" || text === "") throw new Error(`not a duration: "${text}"`);
  return Math.round(total);
}

const MIB = 1024 * 1024;

/** The create request for a container (POST /containers/create), its image given as a real id. */
export function createRequest(c: ContainerInputs, imageId: string): Record<string, unknown> {
  const [first, ...others] = c.networksAdvanced ?? [];
  const ports = c.ports ?? [];
  const hc = c.healthcheck;
  return {
    name: c.name,
    Hostname: c.hostname,
    Image: imageId,
    Cmd: c.command,
    Env: c.envs ?? [],
    Labels: Object.fromEntries((c.labels ?? []).map((l) => [l.label, l.value])),
    ExposedPorts: Object.fromEntries(ports.map((p) => [`${p.internal}/${p.protocol ?? "tcp"}`, {}])),
    Healthcheck: hc
      ? { Test: hc.tests, Interval: durationNs(hc.interval), Timeout: durationNs(hc.timeout), StartPeriod: durationNs(hc.startPeriod), Retries: hc.retries }
      : undefined,
    HostConfig: {
      RestartPolicy: { Name: c.restart ?? "no" },
      NanoCpus: c.cpus !== undefined ? Math.round(Number(c.cpus) * 1e9) : undefined,
      Memory: c.memory !== undefined ? c.memory * MIB : undefined,
      ShmSize: c.shmSize !== undefined ? c.shmSize * MIB : undefined,
      Binds: (c.volumes ?? []).map((v) => `${v.volumeName ?? v.hostPath}:${v.containerPath}${v.readOnly ? ":ro" : ""}`),
      PortBindings: Object.fromEntries(ports.map((p) => [`${p.internal}/${p.protocol ?? "tcp"}`, [{ HostIp: p.ip ?? "0.0.0.0", HostPort: String(p.external) }]])),
      LogConfig: c.logDriver ? { Type: c.logDriver, Config: c.logOpts ?? {} } : undefined,
      NetworkMode: first?.name,
    },
    NetworkingConfig: first ? { EndpointsConfig: { [first.name]: { Aliases: first.aliases ?? [] } } } : undefined,
    // Joined after create, before start, as the provider does.
    _moreNetworks: others,
  };
}

/** Containers in an order where each comes after the containers it depends on. */
export function containerOrder(containers: readonly PlannedResource[]): PlannedResource[] {
  const byName = new Map(containers.map((c) => [c.name, c]));
  const done: PlannedResource[] = [];
  const seen = new Set<string>();
  const visit = (c: PlannedResource, path: string[]) => {
    if (seen.has(c.name)) return;
    if (path.includes(c.name)) throw new Error(`dependency cycle: ${[...path, c.name].join(" -> ")}`);
    for (const d of c.dependsOn) {
      const dep = byName.get(d);
      if (dep) visit(dep, [...path, c.name]);
    }
    seen.add(c.name);
    done.push(c);
  };
  for (const c of containers) visit(c, []);
  return done;
}

/** The names of the containers a container waits for. */
export function containerDeps(c: PlannedResource, containers: readonly PlannedResource[]): string[] {
  const names = new Set(containers.map((x) => x.name));
  return c.dependsOn.filter((d) => names.has(d));
}
