import type { PlannedResource } from "./run-plan";

/** Inputs worth a line in the text listing, by resource type; other types show their first few. */
const KEY_INPUTS: Readonly<Record<string, readonly string[]>> = {
  "docker:index/container:Container": ["image", "command", "cpus", "memory", "restart", "ports", "networksAdvanced", "envs"],
  "aws:ecs/service:Service": ["desiredCount", "launchType", "networkConfiguration", "loadBalancers", "waitForSteadyState"],
  "aws:ecs/taskDefinition:TaskDefinition": ["family", "cpu", "memory"],
  "aws:cloudwatch/logGroup:LogGroup": ["name", "retentionInDays"],
  "aws:secretsmanager/secret:Secret": ["namePrefix", "kmsKeyId"],
  "command:local:Command": ["create", "triggers"],
  "aws:rds/instance:Instance": ["engine", "engineVersion", "instanceClass", "multiAz", "storageEncrypted", "deletionProtection", "backupRetentionPeriod"],
  "aws:elasticache/replicationGroup:ReplicationGroup": ["engine", "nodeType", "numCacheClusters", "automaticFailoverEnabled", "transitEncryptionEnabled", "atRestEncryptionEnabled", "authToken"],
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["fromPort", "toPort", "cidrIpv4", "cidrIpv6", "referencedSecurityGroupId"],
  "aws:lb/listener:Listener": ["port", "protocol", "sslPolicy"],
};

function short(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 100 ? `${s.slice(0, 97)}...` : s;
}

export function formatPlan(stack: string, resources: readonly PlannedResource[]): string {
  const lines = [`stack ${stack}: ${resources.length} resources`, ""];
  for (const r of resources) {
    lines.push(`${r.type}  ${r.name}${r.parent ? `  (in ${r.parent})` : ""}`);
    const keys = KEY_INPUTS[r.type] ?? Object.keys(r.inputs).slice(0, 4);
    for (const k of keys) if (r.inputs[k] !== undefined) lines.push(`    ${k}: ${short(r.inputs[k])}`);
    if (r.dependsOn.length > 0) lines.push(`    waits for: ${r.dependsOn.join(", ")}`);
  }
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  lines.push("", "by type:");
  for (const [t, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`  ${String(n).padStart(4)}  ${t}`);
  return `${lines.join("\n")}\n`;
}
