import type Docker from "dockerode";
import { contextTar } from "./context-tar";
import { followStream, imageSize } from "./docker-client";
import { ensureBase, ensureTestBase } from "./local-base";
import { REPO_ROOT, standIns } from "./stand-ins";

/**
 * `nps images build --local`: every image the dev stack runs, built on this engine with no
 * registry: the local base, the stand-ins, then the `app` and `web` stages of the Dockerfile.
 */
export interface LocalBuildOptions {
  /** Tag of the NPS images (nps-app:<tag>, nps-web:<tag>); the dev stack's nps:imageTag. */
  readonly tag: string;
  /** Trust the machine's CA bundle in the base (for machines whose outbound TLS is re-signed). */
  readonly trustHostCa: boolean;
  /** Called with each line of build output (a terminal shows them; pipes do not). */
  readonly progress: (image: string, line: string) => void;
}

export interface BuiltImage {
  readonly tag: string;
  readonly bytes: number;
  readonly seconds: number;
}

export async function buildImage(
  docker: Docker,
  o: { tag: string; context: string; target?: string; buildargs: Record<string, string>; progress: (line: string) => void },
): Promise<void> {
  const stream = await docker.buildImage(contextTar(o.context), { t: o.tag, target: o.target, buildargs: o.buildargs, rm: true, forcerm: true } as never);
  await followStream(docker, stream as unknown as NodeJS.ReadableStream, o.progress);
}

/** The base images first; returns the one the stages build FROM. */
export async function localBases(docker: Docker, o: Pick<LocalBuildOptions, "trustHostCa" | "progress">): Promise<{ base: string; buildBase: string }> {
  const log = (l: string) => o.progress("base", l);
  const base = await ensureBase(docker, log);
  return { base, buildBase: o.trustHostCa ? await ensureTestBase(docker, base, log) : base };
}

export async function buildLocalImages(docker: Docker, o: LocalBuildOptions): Promise<BuiltImage[]> {
  const built: BuiltImage[] = [];
  /** Runs one build step and records the tag it made, its size and how long it took. */
  const timed = async (work: () => Promise<string>): Promise<string> => {
    const t0 = Date.now();
    const tag = await work();
    built.push({ tag, bytes: await imageSize(docker, tag), seconds: (Date.now() - t0) / 1000 });
    return tag;
  };
  const bases = { base: "", buildBase: "" };
  await timed(async () => {
    Object.assign(bases, await localBases(docker, o));
    return bases.buildBase;
  });
  for (const s of standIns()) {
    await timed(async () => {
      await buildImage(docker, { tag: s.tag, context: s.dir, buildargs: { BASE: bases.buildBase }, progress: (l) => o.progress(s.tag, l) });
      return s.tag;
    });
  }
  // The stages build FROM the local base; the web stage's base is its stand-in, under the default name.
  for (const target of ["app", "web"] as const) {
    const tag = `nps-${target}:${o.tag}`;
    await timed(async () => {
      await buildImage(docker, { tag, context: REPO_ROOT, target, buildargs: { BASE: bases.buildBase }, progress: (l) => o.progress(tag, l) });
      return tag;
    });
  }
  return built;
}

/** Tags each image under a private registry and pushes it there. */
export async function pushImages(docker: Docker, tags: readonly string[], registry: string, progress: (image: string, line: string) => void): Promise<string[]> {
  const pushed: string[] = [];
  for (const tag of tags) {
    const [repo, version = "latest"] = tag.split(/:(?=[^/:]+$)/);
    const target = `${registry.replace(/\/$/, "")}/${repo}`;
    await docker.getImage(tag).tag({ repo: target, tag: version });
    const stream = await docker.getImage(`${target}:${version}`).push({ tag: version } as never);
    await followStream(docker, stream as unknown as NodeJS.ReadableStream, (l) => progress(tag, l));
    pushed.push(`${target}:${version}`);
  }
  return pushed;
}
