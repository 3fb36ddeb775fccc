import { SERVICE_NAMES, type ServiceName } from "../../services/lib/service-names";
import { WORKLOADS, type SupportName, type WorkloadName } from "../catalog";

/**
 * systemd units for the manual path (seed section 4): one unit per NPS service, each running
 * `nps start --only <name>` from the install directory with the shared .env, plus nps.target to
 * start and stop them together. deploy/systemd/ holds the rendered files.
 */
export interface SystemdOptions {
  readonly installDir: string;
  readonly node: string;
  readonly user: string;
  readonly dataDir: string;
}

export const SYSTEMD_DEFAULTS: SystemdOptions = {
  installDir: "/opt/nps",
  node: "/usr/bin/node",
  user: "nps",
  dataDir: "/var/lib/nps",
};

/** The system units a catalog dependency stands for on a Debian host. */
const SYSTEM_UNITS: Partial<Record<SupportName, string>> = { postgres: "postgresql.service", redis: "redis-server.service" };

export const unitName = (s: ServiceName) => `nps-${s}.service`;

function afterUnits(name: ServiceName): string[] {
  return WORKLOADS[name].dependsOn.flatMap((d) => {
    if ((SERVICE_NAMES as readonly string[]).includes(d.on)) return [unitName(d.on as ServiceName)];
    const sys = SYSTEM_UNITS[d.on as SupportName];
    return sys ? [sys] : [];
  });
}

export function renderServiceUnit(name: ServiceName, o: SystemdOptions = SYSTEMD_DEFAULTS): string {
  const w = WORKLOADS[name as WorkloadName];
  const after = ["network-online.target", ...afterUnits(name)];
  const command = w.command ?? [];
  const [, ...args] = command;
  const cpuPercent = Math.round(w.resources.cpu * 100);
  return `# NPS ${name}: rendered from infra/catalog.ts by infra/render/systemd.ts
[Unit]
Description=NPS ${w.summary}
After=${after.join(" ")}
Wants=network-online.target
PartOf=nps.target

[Service]
Type=simple
User=${o.user}
Group=${o.user}
WorkingDirectory=${o.installDir}
EnvironmentFile=${o.installDir}/.env
Environment=NODE_ENV=production
Environment=NPS_DATA_DIR=${o.dataDir}
Environment=BACKUP_DIR=${o.dataDir}/backups
ExecStart=${o.node} ${o.installDir}/bin/nps.js ${args.join(" ")}
Restart=always
RestartSec=5
KillSignal=SIGTERM
TimeoutStopSec=30
CPUQuota=${cpuPercent}%
MemoryMax=${w.resources.memoryMb}M
NoNewPrivileges=yes
PrivateTmp=yes
ProtectSystem=strict
ProtectHome=yes
ReadWritePaths=${o.dataDir}

[Install]
WantedBy=nps.target
`;
}

export function renderTarget(): string {
  const units = SERVICE_NAMES.map(unitName).join(" ");
  return `# NPS: every service at once (systemctl start nps.target); rendered by infra/render/systemd.ts
[Unit]
Description=NPS platform
Wants=${units}

[Install]
WantedBy=multi-user.target
`;
}

/** Every file of deploy/systemd/, by file name. */
export function renderSystemdUnits(o: SystemdOptions = SYSTEMD_DEFAULTS): Record<string, string> {
  const files: Record<string, string> = { "nps.target": renderTarget() };
  for (const s of SERVICE_NAMES) files[unitName(s)] = renderServiceUnit(s, o);
  return files;
}
