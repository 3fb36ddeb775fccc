import type { Lang } from "../api-client";
import { en } from "./en";
import { fa } from "./fa";
import type { Texts } from "./texts";

export type { Texts };
export const TEXTS: Readonly<Record<Lang, Texts>> = { en, fa };

/** A Telegram user's own language, for a chat that is not linked yet. */
export function langOf(telegramLanguageCode: string | undefined): Lang {
  return telegramLanguageCode?.toLowerCase().startsWith("fa") ? "fa" : "en";
}
