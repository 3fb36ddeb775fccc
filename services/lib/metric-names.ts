/**
 * Every Prometheus metric name NPS exports, declared once. The services define their metrics
 * with these names; the alert rules and Grafana dashboards (infra/render) import the same
 * constants, so renaming a metric breaks a test instead of silently emptying a panel.
 */
export const METRICS = {
  /** Oracle gRPC service, scraped on :9090. */
  oracle: {
    /** counter; labels: method, code (gRPC status name) */
    grpcCalls: "nps_oracle_grpc_calls_total",
    /** histogram (seconds); labels: method */
    grpcDuration: "nps_oracle_grpc_call_duration_seconds",
    /** gauge */
    grpcInFlight: "nps_oracle_grpc_in_flight_calls",
    /** counter; labels: type (time, daily, name, question, multi, timing, stamp) */
    readings: "nps_oracle_readings_total",
    /** counter; labels: outcome (generated, cached, fallback) */
    aiInterpretations: "nps_oracle_ai_interpretations_total",
    /** histogram (seconds) of the engine work of one reading, without the AI; labels: type */
    readingDuration: "nps_oracle_reading_duration_seconds",
    /** histogram (seconds) of one AI interpretation; labels: outcome */
    aiDuration: "nps_oracle_ai_interpretation_duration_seconds",
    /** gauge: 1 while the gRPC health status is SERVING, 0 while draining */
    serving: "nps_oracle_serving",
  },
  /** Express API, scraped on :8000/metrics. */
  api: {
    /** counter; labels: method, route, status */
    httpRequests: "nps_api_http_requests_total",
    /** histogram (seconds); labels: method, route, status */
    httpDuration: "nps_api_http_request_duration_seconds",
    /** counter; labels: result (hit, miss) */
    cacheLookups: "nps_api_cache_lookups_total",
    /** gauge, 1 for the mode in use; labels: mode (grpc, direct_mode) */
    oracleMode: "nps_api_oracle_mode",
    /** gauges; labels: state (total, idle, waiting) */
    dbPoolConnections: "nps_api_db_pool_connections",
    /** counter; labels: type */
    readingsStored: "nps_api_readings_stored_total",
    /** gauge: 1 when the database answers, 0 when not */
    databaseUp: "nps_api_database_up",
    /** gauge: 1 when Redis answers, 0 when running on the in-memory fallback */
    redisUp: "nps_api_redis_up",
    /** gauge: authenticated WebSocket connections on this replica */
    websocketConnections: "nps_api_websocket_connections",
  },
  /** Backups, scraped from the backup service. */
  backup: {
    /** gauge (unix seconds); labels: kind (oracle, full) */
    lastSuccess: "nps_backup_last_success_timestamp_seconds",
    /** counter; labels: kind, outcome (success, failure) */
    runs: "nps_backup_runs_total",
    /** gauge (bytes) of the last successful backup; labels: kind */
    sizeBytes: "nps_backup_last_size_bytes",
    /** gauge (seconds) the last backup run took, success or not; labels: kind */
    durationSeconds: "nps_backup_last_duration_seconds",
    /** gauge (unix seconds) of the newest backup that was restored and checked; labels: kind */
    lastVerified: "nps_backup_last_verified_timestamp_seconds",
    /** counter; labels: kind, outcome (success, failure) */
    verifications: "nps_backup_verifications_total",
  },
  /** Telegram bot, scraped on :9101. */
  telegramBot: {
    /** counter; labels: kind (reply, daily, broadcast, notice), outcome (sent, failed, blocked) */
    messagesSent: "nps_telegram_bot_messages_sent_total",
    /** counter; labels: command, outcome (ok, bad_input, not_linked, limited, failed) */
    commands: "nps_telegram_bot_commands_total",
    /** counter; labels: limit (messages, readings) */
    rateLimited: "nps_telegram_bot_rate_limited_total",
    /** counter of daily messages delivered */
    dailyDelivered: "nps_telegram_bot_daily_delivered_total",
    /** gauge (unix seconds) of the last delivery round that reached the API */
    lastDeliveryRun: "nps_telegram_bot_last_delivery_run_timestamp_seconds",
  },
  /** Alerter, scraped on :9102. */
  alerter: {
    /** counter; labels: source (alertmanager, queue, health), status (firing, resolved), severity */
    alertsDelivered: "nps_alerter_alerts_delivered_total",
    /** counter; labels: reason (cooldown, disabled, notify_error_off, send_failed) */
    alertsSuppressed: "nps_alerter_alerts_suppressed_total",
    /** gauge: 1 while a watched target answers healthy; labels: target (oracle, api, alertmanager) */
    targetUp: "nps_alerter_target_up",
    /** gauge (unix seconds) of the last health round */
    lastHealthCheck: "nps_alerter_last_health_check_timestamp_seconds",
  },
  /** Daily-reading scheduler, scraped on :9103. */
  scheduler: {
    /** counter; labels: outcome (generated, existing, failed) */
    dailyReadings: "nps_scheduler_daily_readings_total",
    /** gauge (unix seconds) of the last run that finished with no failure */
    lastSuccess: "nps_scheduler_last_success_timestamp_seconds",
    /** counter; labels: outcome (success, failure) */
    runs: "nps_scheduler_runs_total",
  },
  /** Every Node service exports prom-client's default process metrics under this prefix. */
  processPrefix: "nps_",
} as const;
