import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import * as tar from "tar-fs";
import { SUPPORT } from "../catalog";
import { contextTar } from "./context-tar";
import { REPO_ROOT, dockerfileArg, standIns, withoutStandIn } from "./stand-ins";

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };

describe("images built with no registry", () => {
  it("the Dockerfile needs no remote frontend and takes its bases as build arguments", () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, "Dockerfile"), "utf8");
    expect(text).to.not.match(/^#\s*syntax=/m);
    expect(dockerfileArg("BASE")).to.equal("node:20-bookworm-slim");
    expect(dockerfileArg("WEB_BASE")).to.match(/^nginxinc\/nginx-unprivileged:/);
    for (const line of text.split("\n").filter((l) => l.startsWith("FROM "))) expect(line).to.match(/^FROM (\$\{(BASE|WEB_BASE)\}|deps) AS /);
    // The build stage copies whatever the tree holds: no hand-kept list of folders.
    expect(text).to.match(/^COPY \. \.$/m);
  });

  it("has a stand-in tagged with each stock image name of the dev stack, and says why where none can be built", () => {
    const tags = standIns().map((s) => s.tag);
    for (const [name, entry] of Object.entries(SUPPORT)) {
      const none = withoutStandIn().find((w) => w.name === name);
      if (none) expect(none.why).to.have.length.greaterThan(0);
      else expect(tags, name).to.include(entry.image);
    }
    expect(tags).to.include(dockerfileArg("WEB_BASE"));
    for (const s of standIns()) {
      const dockerfile = fs.readFileSync(path.join(s.dir, "Dockerfile"), "utf8");
      expect(dockerfile, s.dir).to.match(/^ARG BASE\nFROM \$\{BASE\}$/m);
    }
  });

  it("ships only what services run: no Pulumi SDK, TypeScript toolchain or benchmark tool among the runtime dependencies", () => {
    const runtime = Object.keys(pkg.dependencies);
    for (const dev of ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/docker", "@pulumiverse/grafana", "tsx", "typescript", "autocannon", "ts-node", "mocha", "dockerode"]) {
      expect(runtime, dev).to.not.include(dev);
    }
  });

  it("sends the build context less what .dockerignore excludes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-ctx-"));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "nps-ctx-out-"));
    try {
      fs.mkdirSync(path.join(dir, "src"));
      fs.mkdirSync(path.join(dir, "node_modules"));
      fs.writeFileSync(path.join(dir, ".dockerignore"), "node_modules\n**/*.test.ts\n");
      fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM x\n");
      fs.writeFileSync(path.join(dir, "src", "a.ts"), "a");
      fs.writeFileSync(path.join(dir, "src", "a.test.ts"), "t");
      fs.writeFileSync(path.join(dir, "node_modules", "m.js"), "m");
      await new Promise<void>((resolve, reject) => contextTar(dir).pipe(tar.extract(out)).on("finish", resolve).on("error", reject));
      const files = fs.readdirSync(out, { recursive: true }).map(String).sort();
      expect(files).to.include.members(["Dockerfile", ".dockerignore", path.join("src", "a.ts")]);
      expect(files).to.not.include(path.join("src", "a.test.ts"));
      expect(files.some((f) => f.startsWith("node_modules"))).to.equal(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
