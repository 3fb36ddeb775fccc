import Docker from "dockerode";

/** A Docker API client for DOCKER_HOST (or the engine's default socket). */
export function dockerClient(host = process.env.DOCKER_HOST): Docker {
  if (host?.startsWith("unix://")) return new Docker({ socketPath: host.slice("unix://".length) });
  // dockerode reads DOCKER_HOST itself for tcp:// hosts.
  return new Docker();
}

export async function imageExists(docker: Docker, tag: string): Promise<boolean> {
  try {
    await docker.getImage(tag).inspect();
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

export async function imageSize(docker: Docker, tag: string): Promise<number> {
  return (await docker.getImage(tag).inspect()).Size;
}

export function formatSize(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** One line of a build or push stream, as the engine sends it. */
interface StreamEvent {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
}

/** Follows an engine stream to its end; rejects on the first error it carries. */
export function followStream(docker: Docker, stream: NodeJS.ReadableStream, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | undefined;
    docker.modem.followProgress(
      stream,
      (err: Error | null) => (err ?? failed ? reject(err ?? failed) : resolve()),
      (e: StreamEvent) => {
        if (e.error) failed = new Error(e.errorDetail?.message ?? e.error);
        const text = e.stream ?? e.status;
        if (text) for (const line of text.split("\n")) if (line.trim()) onLine(line.trimEnd());
      },
    );
  });
}
