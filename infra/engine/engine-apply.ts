import type Docker from "dockerode";
import * as tarStream from "tar-stream";
import { PlanMocks } from "../plan/mocks";
import type { PlannedResource } from "../plan/run-plan";
import { buildImage } from "../images/build-local";
import { TYPES, containerDeps, containerOrder, createRequest, type ContainerInputs } from "./container-spec";

/**
 * Creates a planned dev stack on a real Docker engine, the way the Pulumi Docker provider would:
 * networks and volumes, images (built from the Dockerfile or found under their names), then the
 * containers, each after the ones it depends on, with its uploads written before it starts, and
 * waited for until healthy where it says `wait`. Independent containers start side by side.
 */
export interface ApplyOptions {
  /** Containers not to create (services this build cannot run yet), by container name. */
  readonly skip: ReadonlySet<string>;
  readonly log: (line: string) => void;
}

export interface Applied {
  readonly containers: Map<string, Docker.Container>;
  /** The mock value each image resource stood for in the plan, mapped to the real image id. */
  readonly imageIds: Map<string, string>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The outputs the plan's mocks gave an image resource: what containers name it by. */
function mockOutputs(r: PlannedResource): string[] {
  const { state } = new PlanMocks("local").newResource({ type: r.type, name: r.name, inputs: r.inputs, custom: true });
  return [state.imageId, state.repoDigest, state.imageName, r.inputs.imageName, r.inputs.name].filter((x): x is string => typeof x === "string");
}

export async function resolveImages(docker: Docker, plan: readonly PlannedResource[], log: (l: string) => void): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const r of plan) {
    if (r.type === TYPES.image) {
      const b = r.inputs.build as { context: string; target?: string; args?: Record<string, string> };
      const tag = String(r.inputs.imageName);
      log(`build ${tag} (target ${b.target ?? "last"})`);
      await buildImage(docker, { tag, context: b.context, target: b.target, buildargs: b.args ?? {}, progress: () => undefined });
    }
    if (r.type !== TYPES.image && r.type !== TYPES.remoteImage) continue;
    const name = String(r.type === TYPES.image ? r.inputs.imageName : r.inputs.name);
    // A missing image fails the containers that use it, not the ones that do not.
    const id = await docker
      .getImage(name)
      .inspect()
      .then((i) => i.Id, () => `missing:${name}`);
    for (const m of mockOutputs(r)) ids.set(m, id);
  }
  return ids;
}

function uploadTar(uploads: NonNullable<ContainerInputs["uploads"]>): Promise<Buffer> {
  const pack = tarStream.pack();
  for (const u of uploads) pack.entry({ name: u.file.replace(/^\/+/, ""), mode: parseInt(u.permissions ?? "0644", 8) }, u.content);
  pack.finalize();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pack.on("data", (c: unknown) => chunks.push(c as Buffer)).on("end", () => resolve(Buffer.concat(chunks))).on("error", reject);
  });
}

/** Waits until the container's health check passes; throws with its last probe output if it cannot. */
export async function waitHealthy(container: Docker.Container, timeoutS: number): Promise<void> {
  const deadline = Date.now() + timeoutS * 1000;
  for (;;) {
    const s = (await container.inspect()).State;
    const health = s.Health?.Status;
    if (health === "healthy" || (!s.Health && s.Running)) return;
    if (health === "unhealthy" || (!s.Running && !s.Restarting) || Date.now() > deadline) {
      const last = s.Health?.Log?.at(-1);
      const logs = (await container.logs({ stdout: true, stderr: true, tail: 20 })).toString("utf8").replace(/[\x00-\x08]/g, "");
      throw new Error(
        `${(await container.inspect()).Name.slice(1)}: ${health ?? s.Status}${last ? `, last probe exit ${last.ExitCode}: ${last.Output.trim()}` : ""}\n${logs}`,
      );
    }
    await sleep(1000);
  }
}

export async function applyPlan(docker: Docker, plan: readonly PlannedResource[], o: ApplyOptions): Promise<Applied> {
  for (const n of plan.filter((r) => r.type === TYPES.network)) {
    await docker.createNetwork({ Name: String(n.inputs.name), Driver: String(n.inputs.driver ?? "bridge"), Internal: n.inputs.internal === true, CheckDuplicate: true });
  }
  for (const v of plan.filter((r) => r.type === TYPES.volume)) await docker.createVolume({ Name: String(v.inputs.name) });
  const imageIds = await resolveImages(docker, plan, o.log);

  const declared = plan.filter((r) => r.type === TYPES.container);
  const ordered = containerOrder(declared);
  const created = new Map<string, Docker.Container>();
  const ready = new Map<string, Promise<void>>();

  const start = async (r: PlannedResource): Promise<void> => {
    // Wait for what it depends on; a dependency this build cannot run is waived (and listed by the caller).
    await Promise.all(containerDeps(r, declared).map((d) => ready.get(d)));
    const c = r.inputs as unknown as ContainerInputs;
    const imageId = imageIds.get(c.image);
    if (!imageId) throw new Error(`${c.name}: image ${c.image} matches no image resource of the plan`);
    if (imageId.startsWith("missing:")) throw new Error(`${c.name}: image ${imageId.slice(8)} is not on the engine and no registry can be reached (nps images build --local)`);
    const { _moreNetworks, ...request } = createRequest(c, imageId) as Record<string, unknown> & { _moreNetworks: Array<{ name: string; aliases?: string[] }> };
    const container = await docker.createContainer(request as Docker.ContainerCreateOptions);
    created.set(c.name, container);
    for (const n of _moreNetworks) await docker.getNetwork(n.name).connect({ Container: container.id, EndpointConfig: { Aliases: n.aliases ?? [] } });
    if (c.uploads?.length) await container.putArchive(await uploadTar(c.uploads), { path: "/" });
    if (c.mustRun !== false) await container.start();
    o.log(`started ${c.name}`);
    if (c.wait) await waitHealthy(container, c.waitTimeout ?? 60);
  };
  for (const r of ordered) {
    if (o.skip.has(r.name)) {
      ready.set(r.name, Promise.resolve());
      continue;
    }
    ready.set(r.name, start(r));
  }
  await Promise.all(ready.values());
  return { containers: created, imageIds };
}

/** Removes what a plan declares from the engine (containers, networks, volumes), leaving images for the next run. */
export async function removePlan(docker: Docker, plan: readonly PlannedResource[]): Promise<void> {
  const gone = (err: unknown) => {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err;
  };
  for (const c of plan.filter((r) => r.type === TYPES.container)) await docker.getContainer(String(c.inputs.name)).remove({ force: true, v: true }).catch(gone);
  for (const n of plan.filter((r) => r.type === TYPES.network)) await docker.getNetwork(String(n.inputs.name)).remove().catch(gone);
  for (const v of plan.filter((r) => r.type === TYPES.volume)) await (docker.getVolume(String(v.inputs.name)).remove({ force: true }) as unknown as Promise<void>).catch(gone);
}
