import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type Docker from "dockerode";
import * as tar from "tar-fs";
import { followStream, imageExists } from "./docker-client";

const run = promisify(execFile);

/**
 * The local base image, made with no registry: Debian bookworm from debootstrap (Debian's archive
 * through the machine's apt sources) plus this machine's own Node 20 at /usr/local/bin and the
 * `node` user (uid 1000), laid out like the upstream node:20-bookworm-slim. Its tag carries a
 * hash of everything that goes into it, so it is made once and a warm run finds it: re-importing
 * a tag would give a new image id and throw every build cache away.
 */
export const BASE_RECIPE = { suite: "bookworm", variant: "minbase", recipe: 1 } as const;
/** Where the root file system tarballs are kept between runs (needs root, as debootstrap does). */
export const IMAGE_CACHE_DIR = "/var/lib/nps-images";
/** The machine's CA bundle: trusted in the test base only, where TLS is re-signed on the way out. */
export const HOST_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

export interface NodeInstall {
  readonly binary: string;
  /** The folder holding npm and corepack. */
  readonly modules: string;
}

export function hostNode(): NodeInstall {
  const binary = fs.realpathSync(process.execPath);
  return { binary, modules: path.join(path.dirname(binary), "..", "lib", "node_modules") };
}

function sha256(...parts: Array<string | Buffer>): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex");
}

/** The tag of the base made from this recipe and this Node. */
export function baseTag(node: NodeInstall): string {
  const npm = fs.readFileSync(path.join(node.modules, "npm", "package.json"), "utf8");
  return `nps-base:${BASE_RECIPE.suite}-${sha256(JSON.stringify(BASE_RECIPE), fs.readFileSync(node.binary), npm).slice(0, 12)}`;
}

/** The tag of the test base: the base plus the machine's CA bundle. */
export function testBaseTag(base: string, caBundle = HOST_CA_BUNDLE): string {
  return `nps-test-base:${sha256(base, fs.readFileSync(caBundle)).slice(0, 12)}`;
}

type Log = (line: string) => void;

async function makeRootfs(dir: string, node: NodeInstall, log: Log): Promise<void> {
  fs.rmSync(dir, { recursive: true, force: true });
  log(`debootstrap --variant=${BASE_RECIPE.variant} ${BASE_RECIPE.suite} (a few minutes, once)`);
  await run("debootstrap", [`--variant=${BASE_RECIPE.variant}`, BASE_RECIPE.suite, dir], { maxBuffer: 64 * 1024 * 1024 });
  const local = path.join(dir, "usr", "local");
  fs.mkdirSync(path.join(local, "lib", "node_modules"), { recursive: true });
  fs.copyFileSync(node.binary, path.join(local, "bin", "node"));
  fs.chmodSync(path.join(local, "bin", "node"), 0o755);
  for (const m of ["npm", "corepack"]) {
    if (fs.existsSync(path.join(node.modules, m))) await run("cp", ["-a", path.join(node.modules, m), path.join(local, "lib", "node_modules", m)]);
  }
  const links: Array<[string, string]> = [
    ["npm", "../lib/node_modules/npm/bin/npm-cli.js"],
    ["npx", "../lib/node_modules/npm/bin/npx-cli.js"],
    ["corepack", "../lib/node_modules/corepack/dist/corepack.js"],
  ];
  for (const [name, target] of links) if (fs.existsSync(path.join(local, "bin", target))) fs.symlinkSync(target, path.join(local, "bin", name));
  await run("chroot", [dir, "groupadd", "--gid", "1000", "node"]);
  await run("chroot", [dir, "useradd", "--uid", "1000", "--gid", "node", "--shell", "/bin/bash", "--create-home", "node"]);
  // What the upstream slim image leaves out too: package caches and lists.
  for (const p of ["var/cache/apt/archives", "var/lib/apt/lists"]) {
    for (const f of fs.readdirSync(path.join(dir, p))) if (f !== "partial" && f !== "lock") fs.rmSync(path.join(dir, p, f), { recursive: true, force: true });
  }
}

/** Makes the base image unless its tag is already there; returns the tag. */
export async function ensureBase(docker: Docker, log: Log, node = hostNode()): Promise<string> {
  const tag = baseTag(node);
  if (await imageExists(docker, tag)) return tag;
  fs.mkdirSync(IMAGE_CACHE_DIR, { recursive: true });
  const tarball = path.join(IMAGE_CACHE_DIR, `${tag.replace(/[:/]/g, "-")}.tar`);
  if (!fs.existsSync(tarball)) {
    const rootfs = path.join(IMAGE_CACHE_DIR, `rootfs-${tag.split(":")[1]}`);
    // An interrupted run leaves a finished root file system behind it: keep it.
    const done = `${rootfs}.done`;
    if (!fs.existsSync(done)) {
      await makeRootfs(rootfs, node, log);
      fs.writeFileSync(done, "");
    }
    // GNU tar, for the device nodes debootstrap creates.
    await run("tar", ["-C", rootfs, "-cf", `${tarball}.part`, "."], { maxBuffer: 64 * 1024 * 1024 });
    fs.renameSync(`${tarball}.part`, tarball);
    fs.rmSync(done, { force: true });
    fs.rmSync(rootfs, { recursive: true, force: true });
  }
  log(`import ${tag}`);
  const [repo, version] = tag.split(":");
  const stream = (await docker.importImage(fs.createReadStream(tarball), { repo, tag: version } as never)) as unknown as NodeJS.ReadableStream;
  await followStream(docker, stream, () => undefined);
  return tag;
}

/** The base plus the machine's CA bundle, for builds on machines whose TLS is re-signed. */
export async function ensureTestBase(docker: Docker, base: string, log: Log, caBundle = HOST_CA_BUNDLE): Promise<string> {
  const tag = testBaseTag(base, caBundle);
  if (await imageExists(docker, tag)) return tag;
  log(`build ${tag} (${base} + ${caBundle})`);
  const pack = tar.pack(path.dirname(caBundle), {
    entries: [path.basename(caBundle)],
    finalize: false,
    finish: (p) => {
      const dockerfile = [
        `FROM ${base}`,
        `COPY ${path.basename(caBundle)} /etc/ssl/certs/ca-certificates.crt`,
        "ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt",
        "",
      ].join("\n");
      p.entry({ name: "Dockerfile" }, dockerfile);
      p.finalize();
    },
  });
  const stream = await docker.buildImage(pack as unknown as NodeJS.ReadableStream, { t: tag, rm: true });
  await followStream(docker, stream, () => undefined);
  return tag;
}
