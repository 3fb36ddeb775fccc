/**
 * The services `nps start --only <name>` can run: one container each in the stacks.
 * Declared once; the CLI, the catalog and the config's production check read it.
 */
export const SERVICE_NAMES = ["api", "oracle", "telegram-bot", "alerter", "scheduler", "backup"] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

export function isServiceName(s: string): s is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(s);
}
