import type { Command } from "commander";
import { CliError } from "../../services/cli-error";

/**
 * `nps images build --local [--tag T] [--trust-host-ca] [--push REGISTRY]`: every image of the
 * dev stack built on the local engine (DOCKER_HOST) from Debian packages, with no registry.
 */
export function register(program: Command): void {
  const images = program.command("images").description("container images of the platform");
  images
    .command("build")
    .description("build every image the dev stack runs: the local base, stand-ins for the stock images, nps-app and nps-web")
    .option("--local", "build from Debian packages on this engine, with no registry (the only mode so far)")
    .option("--tag <tag>", "tag of nps-app and nps-web (the dev stack's nps:imageTag)", "dev")
    .option("--trust-host-ca", "add this machine's CA bundle to the base (where outbound TLS is re-signed)")
    .option("--push <registry>", "then tag and push every image to this private registry (host[:port])")
    .action(async (opts: { local?: boolean; tag: string; trustHostCa?: boolean; push?: string }) => {
      if (!opts.local) throw new CliError("images build: pass --local (builds from Debian packages, no registry)");
      if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(opts.tag)) throw new CliError(`--tag: not a Docker tag: "${opts.tag}"`);
      if (opts.push !== undefined && !/^[A-Za-z0-9.-]+(:\d+)?(\/[a-z0-9._/-]+)?$/.test(opts.push)) throw new CliError(`--push: expected host[:port][/path], got "${opts.push}"`);
      const { dockerClient, formatSize } = await import("./docker-client.js");
      const { buildLocalImages, pushImages } = await import("./build-local.js");
      const docker = dockerClient();
      try {
        await docker.ping();
      } catch {
        throw new CliError(`images build: no Docker engine answers at ${process.env.DOCKER_HOST ?? "the default socket"} (set DOCKER_HOST)`);
      }
      const tty = process.stderr.isTTY === true;
      const progress = (image: string, line: string) => {
        if (tty) process.stderr.write(`\r\x1b[K${image}: ${line.slice(0, (process.stderr.columns ?? 100) - image.length - 3)}`);
      };
      const built = await buildLocalImages(docker, { tag: opts.tag, trustHostCa: opts.trustHostCa === true, progress });
      if (tty) process.stderr.write("\r\x1b[K");
      for (const b of built) process.stdout.write(`${b.tag.padEnd(48)} ${formatSize(b.bytes).padStart(10)}  ${b.seconds.toFixed(1)} s\n`);
      if (opts.push) {
        for (const p of await pushImages(docker, built.map((b) => b.tag), opts.push, progress)) process.stdout.write(`pushed ${p}\n`);
      }
    });
}
