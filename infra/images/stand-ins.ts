import * as fs from "node:fs";
import * as path from "node:path";
import { SUPPORT, type SupportName } from "../catalog";

/** The repository root: the build context of the NPS images. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/**
 * Local stand-ins, built from Debian packages, for the third-party images the dev stack names,
 * tagged with exactly those names so the stack's declarations run unchanged on an engine that
 * reaches no registry. Each support entry of the catalog says here which folder builds it, or why
 * nothing can.
 */
const STAND_IN_DIRS: Readonly<Record<SupportName, string | { readonly none: string }>> = {
  postgres: "postgres",
  redis: "redis",
  nginx: "nginx",
  pgbouncer: "pgbouncer",
  prometheus: "prometheus",
  alertmanager: "alertmanager",
  grafana: { none: "Grafana has no Debian package" },
};

/** The default of one of the Dockerfile's build arguments (ARG NAME=value). */
export function dockerfileArg(name: string, dockerfile = path.join(REPO_ROOT, "Dockerfile")): string {
  const m = new RegExp(`^ARG ${name}=(\\S+)$`, "m").exec(fs.readFileSync(dockerfile, "utf8"));
  if (!m) throw new Error(`Dockerfile: no ARG ${name}=<default>`);
  return m[1];
}

export interface StandIn {
  /** The image name it is tagged with. */
  readonly tag: string;
  /** Its build context. */
  readonly dir: string;
}

export function standIns(): StandIn[] {
  const dir = (d: string) => path.join(__dirname, "stand-ins", d);
  const support = (Object.entries(STAND_IN_DIRS) as Array<[SupportName, string | { none: string }]>).flatMap(([name, d]) =>
    typeof d === "string" ? [{ tag: SUPPORT[name].image, dir: dir(d) }] : [],
  );
  // The web stage's own base image.
  return [...support, { tag: dockerfileArg("WEB_BASE"), dir: dir("web-server") }];
}

/** Support entries with no local image, and why. */
export function withoutStandIn(): Array<{ name: SupportName; why: string }> {
  return (Object.entries(STAND_IN_DIRS) as Array<[SupportName, string | { none: string }]>).flatMap(([name, d]) => (typeof d === "string" ? [] : [{ name, why: d.none }]));
}
