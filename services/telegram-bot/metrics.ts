import { Counter, Gauge, type Registry } from "prom-client";
import { METRICS } from "../lib/metric-names";

const M = METRICS.telegramBot;

/** The bot's metrics on its side port (:9101). */
export class BotMetrics {
  readonly messagesSent: Counter<"kind" | "outcome">;
  readonly commands: Counter<"command" | "outcome">;
  readonly rateLimited: Counter<"limit">;
  readonly dailyDelivered: Counter;
  readonly lastDeliveryRun: Gauge;

  constructor(readonly registry: Registry) {
    const registers = [registry];
    this.messagesSent = new Counter({ name: M.messagesSent, help: "Messages the bot sent, by kind and outcome", labelNames: ["kind", "outcome"], registers });
    this.commands = new Counter({ name: M.commands, help: "Commands the bot answered, by name and outcome", labelNames: ["command", "outcome"], registers });
    this.rateLimited = new Counter({ name: M.rateLimited, help: "Messages and readings refused by the per-chat limits", labelNames: ["limit"], registers });
    this.dailyDelivered = new Counter({ name: M.dailyDelivered, help: "Daily readings delivered to chats", registers });
    this.lastDeliveryRun = new Gauge({ name: M.lastDeliveryRun, help: "When the last daily delivery round reached the API (unix seconds)", registers });
  }
}
