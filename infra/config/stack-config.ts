import { z } from "zod";
import { APP_SECRETS, type ConfigSecretKey } from "../catalog";
import { fargateMemoryRange, isValidFargateSize, planSubnets } from "../aws/sizing";

/**
 * The stack configuration (Pulumi.<stack>.yaml), typed and checked once. Pulumi hands a program
 * every value as a string (structured values as JSON); parseStackConfig takes that flat map and
 * either returns typed settings or throws one StackConfigError naming every bad key.
 */

export class StackConfigError extends Error {
  override readonly name = "StackConfigError";
  constructor(readonly problems: readonly string[]) {
    // One problem, one line (a file that is not YAML at all); several, one line each.
    super(problems.length === 1 ? `invalid stack configuration: ${problems[0]}` : `invalid stack configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const NS = "nps";

const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
    z.number({ message: "expected a whole number" }).int("expected a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`),
  );

const flag = z.preprocess(
  (v) => (v === "true" ? true : v === "false" ? false : v),
  z.boolean({ message: "expected true or false" }),
);

const hostname = z
  .string({ message: "expected a host name" })
  .regex(/^(localhost|([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/i, "expected a host name such as nps.example.com");

const chatId = z.string().regex(/^(-?\d+)?$/, "expected a numeric Telegram chat id");
const logLevel = z.enum(["DEBUG", "INFO", "WARNING", "ERROR"], { message: "expected DEBUG, INFO, WARNING or ERROR" });
const imageTag = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "expected a Docker image tag");

const tls = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("self-signed") }).strict(),
    z
      .object({
        mode: z.literal("files"),
        /** Host directory holding the certificate files, mounted read-only into nginx. */
        directory: z.string().startsWith("/", "expected an absolute host path"),
        certificate: z.string().min(1),
        key: z.string().min(1),
      })
      .strict(),
  ],
  { message: 'expected mode "self-signed" or "files"' },
);

const common = {
  "nps:domain": hostname,
  "nps:imageTag": imageTag,
  "nps:logLevel": logLevel.default("INFO"),
  "nps:telegramChatId": chatId.default(""),
  "nps:telegramAdminChatId": chatId.default(""),
};

const devSchema = z
  .object({
    "nps:target": z.literal("docker"),
    ...common,
    "nps:replicas": z
      .object({ api: wholeNumber(1, 16), oracle: wholeNumber(1, 16), web: wholeNumber(1, 8).default(1) })
      .strict()
      .default({ api: 2, oracle: 2, web: 1 }),
    "nps:tls": tls.default({ mode: "self-signed" }),
    "nps:pgbouncer": flag.default(false),
    /** The Dockerfile's BASE for the NPS images: a local base where no registry is reachable. */
    "nps:baseImage": z.string().regex(/^[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9_.-]+)?$/, "expected an image name such as nps-base:bookworm-1a2b3c").optional(),
    /** Host ports: nginx's (80/443 on a real host), and the monitoring UIs' on 127.0.0.1 (their own ports unless set). */
    "nps:hostPorts": z
      .object({
        http: wholeNumber(1, 65535),
        https: wholeNumber(1, 65535),
        prometheus: wholeNumber(1, 65535).optional(),
        alertmanager: wholeNumber(1, 65535).optional(),
        grafana: wholeNumber(1, 65535).optional(),
      })
      .strict()
      .default({ http: 80, https: 443 }),
  })
  .strict();

const serviceSize = z
  .object({
    cpu: z.union([z.literal(256), z.literal(512), z.literal(1024), z.literal(2048), z.literal(4096)], {
      message: "expected Fargate CPU units: 256, 512, 1024, 2048 or 4096",
    }),
    memoryMb: wholeNumber(512, 30720),
  })
  .strict();

const scaledSize = serviceSize.extend({ min: wholeNumber(1, 100), max: wholeNumber(1, 100) }).strict();

/** IAM Identity Center ids (users and groups) granted the Grafana workspace's admin role. */
const identityIds = z.array(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "expected an IAM Identity Center user or group id")).default([]);

const prodSchema = z
  .object({
    "aws:region": z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "expected an AWS region such as eu-west-1"),
    "nps:target": z.literal("aws"),
    ...common,
    /** Unset: build this checkout and tag it by commit. Set: deploy that existing ECR tag (rollback). */
    "nps:imageTag": imageTag.optional(),
    /** Who hears about a dead alerter (an SNS e-mail subscription; confirm the first message). */
    "nps:operatorEmail": z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "expected an e-mail address"),
    "nps:grafanaAdmins": z
      .object({ userIds: identityIds, groupIds: identityIds })
      .strict()
      .refine((a) => a.userIds.length + a.groupIds.length > 0, "name at least one IAM Identity Center user or group"),
    /**
     * The load balancer's and the database's deletion protection, and Pulumi's protection of the
     * database. `false`, then `pulumi up`, lifts them all before a `pulumi destroy`.
     */
    "nps:deletionProtection": flag.default(true),
    /** The public Route53 zone the domain lives in. */
    "nps:hostedZone": hostname,
    "nps:network": z
      .object({
        cidr: z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/(1[6-9]|2[0-4])$/, "expected an IPv4 CIDR from /16 to /24"),
        zones: wholeNumber(2, 6),
        natGateways: z.enum(["one", "per-zone"], { message: 'expected "one" or "per-zone"' }).default("per-zone"),
      })
      .strict(),
    "nps:database": z
      .object({
        instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "expected an RDS instance class such as db.t4g.medium"),
        allocatedStorageGb: wholeNumber(20, 65536),
        maxAllocatedStorageGb: wholeNumber(20, 65536),
        backupRetentionDays: wholeNumber(1, 35),
        /**
         * Restore into a new instance and move the services to it: a moment within the backup
         * retention ("2026-01-31T09:30:00Z"), "latest", or a snapshot id. The old instance stays.
         */
        restore: z
          .union([
            z.object({ time: z.iso.datetime({ message: "expected an RFC 3339 UTC time such as 2026-01-31T09:30:00Z" }) }).strict(),
            z.object({ latest: z.literal(true) }).strict(),
            z.object({ snapshot: z.string().regex(/^[A-Za-z][A-Za-z0-9:-]{0,254}$/, "expected an RDS snapshot identifier or ARN") }).strict(),
          ], { message: 'expected {time: "..."}, {latest: true} or {snapshot: "..."}' })
          .optional(),
      })
      .strict(),
    "nps:cache": z
      .object({
        nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, "expected an ElastiCache node type such as cache.t4g.small"),
        nodes: wholeNumber(2, 6),
      })
      .strict(),
    "nps:services": z
      .object({
        api: scaledSize,
        oracle: scaledSize,
        web: scaledSize,
        "telegram-bot": serviceSize,
        alerter: serviceSize,
        jobs: serviceSize,
      })
      .strict(),
    "nps:scaling": z
      .object({
        cpuPercent: wholeNumber(10, 95),
        memoryPercent: wholeNumber(10, 95),
        requestsPerTarget: wholeNumber(1, 100000),
      })
      .strict(),
    "nps:logRetentionDays": z
      .preprocess(
        (v) => (typeof v === "string" ? Number(v) : v),
        z.union([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653].map((d) => z.literal(d)) as unknown as [
          z.ZodLiteral<number>,
          z.ZodLiteral<number>,
          ...z.ZodLiteral<number>[],
        ], { message: "expected a CloudWatch retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ..." }),
      )
      .default(30),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const name of ["api", "oracle", "web"] as const) {
      const s = c["nps:services"][name];
      if (s.min > s.max) ctx.addIssue({ code: "custom", path: ["nps:services", name, "min"], message: `must not exceed max (${s.max})` });
    }
    for (const [name, size] of Object.entries(c["nps:services"])) {
      if (!isValidFargateSize(size.cpu, size.memoryMb)) {
        const [lo, hi] = fargateMemoryRange(size.cpu) ?? [0, 0];
        ctx.addIssue({ code: "custom", path: ["nps:services", name, "memoryMb"], message: `Fargate takes ${lo} to ${hi} MiB with ${size.cpu} CPU units (in steps of 1024 above 2048)` });
      }
    }
    try {
      planSubnets(c["nps:network"].cidr, c["nps:network"].zones);
    } catch (err) {
      ctx.addIssue({ code: "custom", path: ["nps:network", "cidr"], message: (err as Error).message });
    }
    const db = c["nps:database"];
    if (db.maxAllocatedStorageGb < db.allocatedStorageGb)
      ctx.addIssue({ code: "custom", path: ["nps:database", "maxAllocatedStorageGb"], message: "must be at least allocatedStorageGb" });
    const domain = c["nps:domain"];
    const zone = c["nps:hostedZone"];
    if (domain !== zone && !domain.endsWith(`.${zone}`))
      ctx.addIssue({ code: "custom", path: ["nps:domain"], message: `must be ${zone} or a name under it (nps:hostedZone)` });
  });

type DevRaw = z.infer<typeof devSchema>;
type ProdRaw = z.infer<typeof prodSchema>;

export interface CommonSettings {
  readonly domain: string;
  readonly imageTag: string;
  readonly logLevel: string;
  readonly telegram: { readonly chatId: string; readonly adminChatId: string };
  /** Which optional secrets (NPS_BOT_TOKEN, ANTHROPIC_API_KEY) the stack has set with --secret. */
  readonly configuredSecrets: readonly ConfigSecretKey[];
}

export interface DevSettings extends CommonSettings {
  readonly target: "docker";
  readonly replicas: { readonly api: number; readonly oracle: number; readonly web: number };
  readonly tls: z.infer<typeof tls>;
  readonly pgbouncer: boolean;
  readonly baseImage?: string;
  readonly hostPorts: { readonly http: number; readonly https: number } & Partial<Record<"prometheus" | "alertmanager" | "grafana", number>>;
}

export type ServiceSize = z.infer<typeof serviceSize>;
export type ScaledSize = z.infer<typeof scaledSize>;

export interface ProdSettings extends Omit<CommonSettings, "imageTag"> {
  readonly target: "aws";
  /** An existing image tag to deploy instead of building this checkout. */
  readonly imageTag?: string;
  readonly operatorEmail: string;
  readonly grafanaAdmins: ProdRaw["nps:grafanaAdmins"];
  readonly deletionProtection: boolean;
  readonly region: string;
  readonly hostedZone: string;
  readonly network: ProdRaw["nps:network"];
  readonly database: ProdRaw["nps:database"];
  readonly cache: ProdRaw["nps:cache"];
  readonly services: ProdRaw["nps:services"];
  readonly scaling: ProdRaw["nps:scaling"];
  readonly logRetentionDays: number;
}

export type StackSettings = DevSettings | ProdSettings;

/** The stack config keys that hold secrets: accepted only when set with `pulumi config set --secret`. */
export const SECRET_CONFIG_KEYS: readonly ConfigSecretKey[] = Object.values(APP_SECRETS).flatMap((s) =>
  "config" in s ? [s.config] : [],
);

/**
 * Checks a stack's config. `values` maps full keys ("nps:domain", "aws:region") to Pulumi's
 * string form; `secretKeys` lists the keys Pulumi holds encrypted.
 */
export function parseStackConfig(values: Readonly<Record<string, string>>, secretKeys: readonly string[]): StackSettings {
  const problems: string[] = [];
  const plain: Record<string, unknown> = {};
  const configuredSecrets: ConfigSecretKey[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const [ns, name] = splitKey(key);
    if (ns === NS && (SECRET_CONFIG_KEYS as readonly string[]).includes(name)) {
      if (!secretKeys.includes(key)) problems.push(`${key}: a secret; set it with \`pulumi config set --secret ${key} ...\``);
      else configuredSecrets.push(name as ConfigSecretKey);
      continue;
    }
    if (ns !== NS && key !== "aws:region") continue;
    plain[key] = decode(raw);
  }
  const target = plain["nps:target"];
  const schema = target === "docker" ? devSchema : target === "aws" ? prodSchema : undefined;
  if (!schema) {
    problems.push(`${NS}:target: expected "docker" (stack dev) or "aws" (stack prod), got ${target === undefined ? "nothing" : JSON.stringify(target)}`);
    throw new StackConfigError(problems);
  }
  const parsed = schema.safeParse(plain);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describeIssue(issue));
  }
  if (problems.length > 0 || !parsed.success) throw new StackConfigError(problems);
  return target === "docker" ? toDev(parsed.data as DevRaw, configuredSecrets) : toProd(parsed.data as ProdRaw, configuredSecrets);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    const where = issue.path.length > 0 ? `${formatPath(issue.path)}.` : "";
    return issue.keys.map((k) => `${where}${k}: unknown setting`).join("; ");
  }
  const message = issue.code === "invalid_type" && issue.input === undefined ? "required" : issue.message;
  return `${formatPath(issue.path)}: ${message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf(":");
  return i < 0 ? ["", key] : [key.slice(0, i), key.slice(i + 1)];
}

/** Pulumi passes structured values as JSON text and scalars as plain text. */
function decode(raw: string): unknown {
  const t = raw.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t);
    } catch {
      return raw;
    }
  }
  return raw;
}

function commonOf(c: DevRaw | ProdRaw, configuredSecrets: readonly ConfigSecretKey[]): Omit<CommonSettings, "imageTag"> {
  return {
    domain: c["nps:domain"],
    logLevel: c["nps:logLevel"],
    telegram: { chatId: c["nps:telegramChatId"], adminChatId: c["nps:telegramAdminChatId"] },
    configuredSecrets,
  };
}

function toDev(c: DevRaw, configuredSecrets: readonly ConfigSecretKey[]): DevSettings {
  return {
    target: "docker",
    ...commonOf(c, configuredSecrets),
    imageTag: c["nps:imageTag"],
    replicas: c["nps:replicas"],
    tls: c["nps:tls"],
    pgbouncer: c["nps:pgbouncer"],
    baseImage: c["nps:baseImage"],
    hostPorts: c["nps:hostPorts"],
  };
}

function toProd(c: ProdRaw, configuredSecrets: readonly ConfigSecretKey[]): ProdSettings {
  return {
    target: "aws",
    ...commonOf(c, configuredSecrets),
    imageTag: c["nps:imageTag"],
    operatorEmail: c["nps:operatorEmail"],
    grafanaAdmins: c["nps:grafanaAdmins"],
    deletionProtection: c["nps:deletionProtection"],
    region: c["aws:region"],
    hostedZone: c["nps:hostedZone"],
    network: c["nps:network"],
    database: c["nps:database"],
    cache: c["nps:cache"],
    services: c["nps:services"],
    scaling: c["nps:scaling"],
    logRetentionDays: c["nps:logRetentionDays"],
  };
}
