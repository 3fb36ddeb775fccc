import * as fs from "node:fs";
import * as path from "node:path";
import ignore from "@balena/dockerignore";
import * as tar from "tar-fs";

/**
 * A build context as the Docker CLI sends it: the folder as a tar stream, less what its
 * .dockerignore excludes (the Dockerfile and .dockerignore themselves always go).
 */
export function contextTar(dir: string): NodeJS.ReadableStream {
  const file = path.join(dir, ".dockerignore");
  const rules = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n") : [];
  const ig = ignore().add(rules);
  const pack = tar.pack(dir, {
    ignore: (name) => {
      const rel = path.relative(dir, name).split(path.sep).join("/");
      if (rel === "" || rel === "Dockerfile" || rel === ".dockerignore") return false;
      return ig.ignores(rel);
    },
  });
  return pack as unknown as NodeJS.ReadableStream;
}
