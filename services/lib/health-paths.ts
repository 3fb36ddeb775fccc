/** Health and metrics paths, declared once for services, load balancers, container checks and tests. */
export const HEALTH_PATHS = {
  /** API liveness: always 200 while the process serves. */
  apiLive: "/api/health",
  /** API readiness: database, redis and oracle mode; 503 when degraded. */
  apiReady: "/api/health/ready",
  apiPerformance: "/api/health/performance",
  apiDetailed: "/api/health/detailed",
  apiAnalytics: "/api/health/analytics",
  apiLogs: "/api/health/logs",
  /** Liveness and readiness of the services' side HTTP ports (oracle :9090 and the workers). */
  live: "/health",
  ready: "/ready",
  metrics: "/metrics",
  nginx: "/nginx-health",
  /** The alerter's side port receives Alertmanager's webhook notifications here. */
  alerterWebhook: "/alerts/alertmanager",
} as const;
