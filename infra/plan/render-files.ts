import { PORTS } from "../../services/lib/ports";
import { HEALTH_PATHS } from "../../services/lib/health-paths";
import { renderAlertmanagerConfig } from "../render/alertmanager";
import { renderAlertRules } from "../render/alert-rules";
import { dashboards, renderGrafanaDashboardProvider, renderGrafanaDatasources } from "../render/grafana";
import { renderNginxConf, renderWebServerConf } from "../render/nginx";
import { renderPrometheusConfig } from "../render/prometheus";
import { renderSystemdUnits } from "../render/systemd";

export type Renderable = "nginx" | "web-nginx" | "prometheus" | "rules" | "alertmanager" | "grafana" | "systemd";

/** The web page's server config baked into the image (deploy/web/default.conf). */
export const WEB_ROOT = "/usr/share/nginx/html";
export function webServerConf(): string {
  return renderWebServerConf({ port: PORTS.web, root: WEB_ROOT });
}

/**
 * The generated configs for a host without Pulumi (seed section 4): every service on one
 * machine, so every target is 127.0.0.1 and TLS comes from Let's Encrypt's usual paths.
 */
export function renderFiles(what: Renderable, o: { domain: string }): Record<string, string> {
  const local = "127.0.0.1";
  switch (what) {
    case "nginx":
      return {
        "nginx.conf": renderNginxConf({
          serverName: o.domain,
          apiServers: [`${local}:${PORTS.api}`],
          webServers: [`${local}:${PORTS.web}`],
          listen: { http: PORTS.nginxHttp, https: PORTS.nginxHttps },
          tls: { certificate: `/etc/letsencrypt/live/${o.domain}/fullchain.pem`, key: `/etc/letsencrypt/live/${o.domain}/privkey.pem` },
          runtime: { pidFile: "/run/nginx.pid", errorLog: "/var/log/nginx/error.log", accessLog: "/var/log/nginx/access.log", daemon: true },
        }),
      };
    case "web-nginx":
      return { "default.conf": webServerConf() };
    case "prometheus":
      return {
        "prometheus.yml": renderPrometheusConfig({
          scrapeIntervalS: 15,
          evaluationIntervalS: 15,
          targets: { kind: "static", hosts: () => [local] },
          ruleFiles: ["rules/nps.rules.yml"],
          alertmanagers: [`${local}:${PORTS.alertmanager}`],
        }),
      };
    case "rules":
      return { "nps.rules.yml": renderAlertRules() };
    case "alertmanager":
      return { "alertmanager.yml": renderAlertmanagerConfig({ kind: "webhook", url: `http://${local}:${PORTS.alerterHttp}${HEALTH_PATHS.alerterWebhook}` }) };
    case "grafana":
      return {
        "datasources.yml": renderGrafanaDatasources(`http://${local}:${PORTS.prometheus}`),
        "dashboards.yml": renderGrafanaDashboardProvider("/var/lib/grafana/dashboards/nps"),
        ...Object.fromEntries(dashboards().map((d) => [`${d.uid}.json`, `${JSON.stringify(d, null, 2)}\n`])),
      };
    case "systemd":
      return renderSystemdUnits();
  }
}
