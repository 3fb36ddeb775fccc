/**
 * Persian: the engine's sentences in Persian. Every entry left out here is told in English
 * (text/index.ts merges this table over EN), so the Persian text can grow a table at a time.
 */
import type { LocaleText } from "../../../../lib/locale-text";
import type { EngineText } from "../engine-text";

export const FA: LocaleText<EngineText> = {
  translation: {
    headings: {
      universalAddress: "نشانی تو در زمان",
      coreIdentity: "تو کیستی",
      foundation: "از کجا می‌آیی",
      rightNow: "هم‌اکنون",
      patterns: "الگوها",
      message: "پیام",
      advice: "پند امروز",
      caution: "یک هشدار",
    },
  },
};
