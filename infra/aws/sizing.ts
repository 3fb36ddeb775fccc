/**
 * Pure rules of the AWS target: subnet layout, Fargate task sizes, schedule expressions.
 * Kept apart from the components so they are tested without Pulumi.
 */

export interface SubnetPlan {
  /** Load balancer and NAT gateways: the only subnets with a route from the internet. */
  readonly public: readonly string[];
  /** ECS tasks: out through NAT, nothing in. */
  readonly app: readonly string[];
  /** RDS, RDS Proxy and ElastiCache: no route out of the VPC at all. */
  readonly data: readonly string[];
}

function ipToInt(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/** Splits the VPC range into equal subnets: one public, one app and one data subnet per zone. */
export function planSubnets(cidr: string, zones: number): SubnetPlan {
  const [base, prefixText] = cidr.split("/");
  const prefix = Number(prefixText);
  const parts = base.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255) || !(prefix >= 16 && prefix <= 24)) {
    throw new Error(`${cidr}: expected an IPv4 CIDR from /16 to /24`);
  }
  const start = ipToInt(base);
  const size = 2 ** (32 - prefix);
  if (start % size !== 0) throw new Error(`${cidr}: the address is not the start of its range`);
  const bits = Math.max(2, Math.ceil(Math.log2(3 * zones)));
  const subPrefix = prefix + bits;
  if (subPrefix > 28) throw new Error(`${cidr}: too small for ${zones} zones (subnets would be /${subPrefix}; AWS allows /28 at most)`);
  const step = 2 ** (32 - subPrefix);
  const at = (i: number) => `${intToIp(start + i * step)}/${subPrefix}`;
  const range = (offset: number) => Array.from({ length: zones }, (_, z) => at(offset + z));
  return { public: range(0), app: range(zones), data: range(2 * zones) };
}

/** Memory (MiB) Fargate accepts for each CPU size. */
const FARGATE_MEMORY: Readonly<Record<number, readonly [number, number]>> = {
  256: [512, 2048],
  512: [1024, 4096],
  1024: [2048, 8192],
  2048: [4096, 16384],
  4096: [8192, 30720],
};

export function isValidFargateSize(cpu: number, memoryMb: number): boolean {
  const range = FARGATE_MEMORY[cpu];
  if (!range) return false;
  if (memoryMb < range[0] || memoryMb > range[1]) return false;
  return cpu === 256 ? [512, 1024, 2048].includes(memoryMb) : memoryMb % 1024 === 0;
}

export function fargateMemoryRange(cpu: number): readonly [number, number] | undefined {
  return FARGATE_MEMORY[cpu];
}

const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/**
 * A five-field UTC cron ("0 3 * * 0") as EventBridge Scheduler writes it ("cron(0 3 ? * SUN *)"):
 * six fields, and exactly one of day-of-month and day-of-week is "?".
 */
export function toScheduleExpression(cron: string): string {
  const f = cron.trim().split(/\s+/);
  if (f.length !== 5) throw new Error(`cron "${cron}": expected five fields`);
  const [minute, hour, dom, month, dow] = f;
  const day = dow === "*" ? "?" : dow.replace(/\d/g, (d) => DAYS[Number(d) % 7]);
  const dayOfMonth = dow === "*" ? dom : "?";
  if (dow !== "*" && dom !== "*") throw new Error(`cron "${cron}": set day of month or day of week, not both`);
  return `cron(${minute} ${hour} ${dayOfMonth} ${month} ${day} *)`;
}
