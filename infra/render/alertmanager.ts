import { stringify } from "yaml";

/**
 * alertmanager.yml: every alert goes to the NPS alerter, which speaks to Telegram. In dev the
 * alerter takes Alertmanager's webhook; Amazon Managed Prometheus can only notify SNS, so in prod
 * the same routes end at the SNS topic the alerter reads through its queue.
 */
export type AlertReceiver =
  | { readonly kind: "webhook"; readonly url: string }
  | { readonly kind: "sns"; readonly topicArn: string; readonly region: string };

const RECEIVER = "nps-alerter";

function config(receiver: AlertReceiver): Record<string, unknown> {
  const target =
    receiver.kind === "webhook"
      ? { webhook_configs: [{ url: receiver.url, send_resolved: true, max_alerts: 50 }] }
      : {
          sns_configs: [
            {
              topic_arn: receiver.topicArn,
              sigv4: { region: receiver.region },
              subject: "NPS alert",
              // One line per alert, as the alerter reads them (services/alerter/notices.ts QUEUE_LINE).
              message: '{{ range .Alerts }}{{ .Status }}|{{ .Labels.severity }}|{{ .Labels.alertname }}|{{ .Annotations.summary }}\n{{ end }}',
              attributes: { source: "amp" },
            },
          ],
        };
  return {
    route: {
      receiver: RECEIVER,
      group_by: ["alertname", "job", "kind"],
      group_wait: "30s",
      group_interval: "5m",
      repeat_interval: "4h",
      routes: [{ receiver: RECEIVER, matchers: ['severity="critical"'], repeat_interval: "1h" }],
    },
    // A service that is down explains its own error rate and latency; say the cause once.
    inhibit_rules: [
      {
        source_matchers: ['alertname="NpsServiceDown"'],
        target_matchers: ['alertname=~"NpsApiErrorRateHigh|NpsApiLatencyP95High|NpsOracleErrorRateHigh|NpsOracleLatencyP95High"'],
      },
      {
        source_matchers: ['alertname="NpsDatabaseDown"'],
        target_matchers: ['alertname="NpsApiErrorRateHigh"'],
      },
    ],
    receivers: [{ name: RECEIVER, ...target }],
  };
}

export function renderAlertmanagerConfig(receiver: AlertReceiver): string {
  return `# NPS Alertmanager: rendered by infra/render/alertmanager.ts\n${stringify(config(receiver))}`;
}

/** The alert manager definition Amazon Managed Prometheus takes: the same config under one key. */
export function renderAmpAlertManagerDefinition(receiver: Extract<AlertReceiver, { kind: "sns" }>): string {
  return stringify({ alertmanager_config: stringify(config(receiver)) });
}
