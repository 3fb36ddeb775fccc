/**
 * Every port NPS listens on or talks to, declared once. Services bind them, the catalog
 * publishes them, the renderers write them into nginx and Prometheus configs, tests read them.
 */
export const PORTS = {
  api: 8000,
  oracleGrpc: 50052,
  oracleMetrics: 9090,
  web: 5173,
  nginxHttp: 80,
  nginxHttps: 443,
  postgres: 5432,
  pgbouncer: 6432,
  redis: 6379,
  /** Metrics and health of the services that have no public port of their own. */
  telegramBotMetrics: 9101,
  alerterHttp: 9102,
  schedulerMetrics: 9103,
  backupMetrics: 9104,
  prometheus: 9095,
  alertmanager: 9093,
  grafana: 3000,
} as const;

export type PortName = keyof typeof PORTS;
