import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { healthCommand, type SupportEntry, type WorkloadEntry } from "../catalog";

/**
 * The containers of one catalog entry on the dev Docker host: its replicas, each with the
 * catalog's health check, CPU and memory limits, restart policy and network alias, created only
 * after the containers it depends on are healthy (Pulumi waits for health, then dependsOn
 * orders the next ones).
 */
export interface CatalogContainersArgs {
  readonly entry: WorkloadEntry | SupportEntry;
  readonly image: pulumi.Input<string>;
  readonly replicas: number;
  /** Networks to join; every container answers to the entry's name on each. */
  readonly networks: readonly docker.Network[];
  readonly envs?: pulumi.Input<pulumi.Input<string>[]>;
  /** Overrides the entry's command (stock images take their arguments here). */
  readonly command?: pulumi.Input<pulumi.Input<string>[]>;
  readonly volumes?: ReadonlyArray<{ readonly volume: docker.Volume; readonly path: string }>;
  readonly hostPaths?: ReadonlyArray<{ readonly hostPath: string; readonly path: string }>;
  readonly uploads?: pulumi.Input<pulumi.Input<docker.types.input.ContainerUpload>[]>;
  /** Ports published on the host: internal -> external, on 127.0.0.1 unless public. */
  readonly publish?: ReadonlyArray<{ readonly internal: number; readonly external: number; readonly public?: boolean }>;
  readonly shmSizeMb?: number;
  readonly dependsOn?: readonly pulumi.Resource[];
}

export const RESTART_POLICY = "unless-stopped";

/** The container names of an entry's replicas: known before anything is created. */
export function containerNames(entry: string, replicas: number): string[] {
  return Array.from({ length: replicas }, (_, i) => (replicas === 1 ? `nps-${entry}` : `nps-${entry}-${i + 1}`));
}

export class CatalogContainers extends pulumi.ComponentResource {
  readonly containers: docker.Container[];
  /** Container names, in replica order (nginx's upstream and Prometheus' targets use them). */
  readonly hostnames: string[];

  constructor(name: string, args: CatalogContainersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("nps:docker:CatalogContainers", name, {}, opts);
    const e = args.entry;
    const t = e.healthTiming;
    const command = args.command ?? ("command" in e && e.command ? [...e.command] : undefined);
    this.hostnames = containerNames(e.name, args.replicas);
    this.containers = this.hostnames.map(
      (hostname) =>
        new docker.Container(
          hostname,
          {
            name: hostname,
            hostname,
            image: args.image,
            command,
            envs: args.envs,
            restart: RESTART_POLICY,
            mustRun: true,
            cpus: String(e.resources.cpu),
            memory: e.resources.memoryMb,
            shmSize: args.shmSizeMb,
            healthcheck: {
              tests: [...healthCommand(e.health)],
              interval: `${t.intervalS}s`,
              timeout: `${t.timeoutS}s`,
              startPeriod: `${t.startPeriodS}s`,
              retries: t.retries,
            },
            // Pulumi reports the container created only once its health check passes.
            wait: true,
            waitTimeout: t.startPeriodS + t.retries * t.intervalS + 30,
            networksAdvanced: args.networks.map((n) => ({ name: n.name, aliases: [e.name] })),
            volumes: [
              ...(args.volumes ?? []).map((v) => ({ volumeName: v.volume.name, containerPath: v.path })),
              ...(args.hostPaths ?? []).map((h) => ({ hostPath: h.hostPath, containerPath: h.path, readOnly: true })),
            ],
            ports: (args.publish ?? []).map((p) => ({ internal: p.internal, external: p.external, ip: p.public ? "0.0.0.0" : "127.0.0.1" })),
            uploads: args.uploads,
            logDriver: "json-file",
            logOpts: { "max-size": "10m", "max-file": "3" },
            labels: [{ label: "nps.service", value: e.name }],
          },
          { parent: this, dependsOn: [...(args.dependsOn ?? [])] },
        ),
    );
    this.registerOutputs({ hostnames: this.hostnames });
  }
}
