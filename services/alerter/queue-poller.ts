import type { Logger } from "../lib/logger";
import type { Dispatcher } from "./dispatcher";
import { fromQueueMessage, InvalidAlertError } from "./notices";

/**
 * The prod stack's alarms: CloudWatch and Amazon Managed Prometheus publish to an SNS topic whose
 * SQS queue (NPS_ALERT_QUEUE_URL) the alerter long-polls. A message is deleted once its notices
 * are told (or found unreadable, so one bad message cannot block the queue); one whose send failed
 * stays, and SQS hands it out again after its visibility timeout.
 */

/** The region and endpoint a queue URL names (https://sqs.<region>.amazonaws.com/<account>/<name>); any other host is an SQS-compatible endpoint. */
export function queueEndpoint(queueUrl: string, fallbackRegion = "us-east-1"): { region: string; endpoint?: string } {
  const u = new URL(queueUrl);
  const aws = /^sqs\.([a-z0-9-]+)\.amazonaws\.com$/.exec(u.hostname);
  return aws ? { region: aws[1]! } : { region: fallbackRegion, endpoint: u.origin };
}

export interface QueuePoller {
  stop(): Promise<void>;
}

export async function startQueuePoller(o: { queueUrl: string; dispatcher: Dispatcher; logger: Logger; waitSeconds?: number }): Promise<QueuePoller> {
  // Loaded only where a queue is configured: the SDK costs memory the dev stack's alerter need not carry.
  const { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } = await import("@aws-sdk/client-sqs");
  const client = new SQSClient({ ...queueEndpoint(o.queueUrl, process.env.AWS_REGION), maxAttempts: 3 });
  const abort = new AbortController();
  let stopped = false;

  const loop = (async () => {
    while (!stopped) {
      try {
        const out = await client.send(
          new ReceiveMessageCommand({ QueueUrl: o.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: o.waitSeconds ?? 20 }),
          { abortSignal: abort.signal },
        );
        for (const m of out.Messages ?? []) {
          let keep = false;
          try {
            keep = (await o.dispatcher.deliver(fromQueueMessage(m.Body ?? ""))) > 0;
          } catch (err) {
            if (!(err instanceof InvalidAlertError)) throw err;
            o.logger.warn({ err, messageId: m.MessageId }, "unreadable alert message dropped");
          }
          if (!keep && m.ReceiptHandle) await client.send(new DeleteMessageCommand({ QueueUrl: o.queueUrl, ReceiptHandle: m.ReceiptHandle }));
        }
      } catch (err) {
        if (stopped) break;
        o.logger.warn({ err }, "alert queue poll failed; retrying in 5 s");
        await new Promise((r) => setTimeout(r, 5_000));
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      abort.abort();
      await loop;
      client.destroy();
    },
  };
}
