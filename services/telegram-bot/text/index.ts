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

/** An account's role in this language's words; a role this build does not know shows as the API names it. */
export function roleName(t: Texts, role: string): string {
  return (t.labels.roles as Readonly<Record<string, string>>)[role] ?? role;
}
