import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en, type Messages } from "./en";
import { fa } from "./fa";

export type Locale = "en" | "fa";
export const LOCALES: readonly Locale[] = ["en", "fa"];
const MESSAGES: Record<Locale, Messages> = { en, fa };
const STORAGE_KEY = "nps.locale";

export interface I18n {
  readonly locale: Locale;
  readonly dir: "ltr" | "rtl";
  readonly m: Messages;
  setLocale(locale: Locale): void;
  /** Fills {name} slots; numbers in Persian digits when the page is in Persian. */
  format(template: string, values: Record<string, string | number>): string;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  date(iso: string, withTime?: boolean): string;
}

export function numberFormat(locale: Locale, n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale === "fa" ? "fa-IR" : "en-US", options).format(n);
}

/** Latin digits in a string (a stamp, a date) as Persian digits, for Persian readers. */
export function localDigits(locale: Locale, text: string): string {
  return locale === "fa" ? text.replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!) : text;
}

export function makeI18n(locale: Locale, setLocale: (l: Locale) => void = () => undefined): I18n {
  const m = MESSAGES[locale];
  return {
    locale,
    dir: locale === "fa" ? "rtl" : "ltr",
    m,
    setLocale,
    format: (template, values) =>
      template.replace(/\{(\w+)\}/g, (_, k: string) => {
        const v = values[k];
        return v === undefined ? `{${k}}` : typeof v === "number" ? numberFormat(locale, v) : v;
      }),
    number: (n, options) => numberFormat(locale, n, options),
    date: (iso, withTime = false) => {
      const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
      if (Number.isNaN(d.getTime())) return iso;
      return new Intl.DateTimeFormat(locale === "fa" ? "fa-IR" : "en-GB", {
        dateStyle: "medium",
        ...(withTime ? { timeStyle: "short" } : {}),
        ...(iso.length === 10 ? { timeZone: "UTC" } : {}),
      }).format(d);
    },
  };
}

export function initialLocale(): Locale {
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored === "en" || stored === "fa") return stored;
  return typeof navigator !== "undefined" && navigator.language?.startsWith("fa") ? "fa" : "en";
}

const I18nContext = createContext<I18n>(makeI18n("en"));

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocale] = useState<Locale>(fixed ?? initialLocale);
  const value = useMemo(() => makeI18n(locale, setLocale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = value.dir;
    document.title = value.m.appName;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
  }, [locale, value]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);

/** A reading type's name; a type this page does not know yet shows as itself. */
export function typeName(m: Messages, type: string): string {
  return (m.reading.types as Record<string, string>)[type] ?? type;
}

/** An engine label (moon phase, weekday, planet, element) in the page's language; unknown ones as they are. */
export function label(table: Readonly<Record<string, string>>, value: string): string {
  return table[value] ?? value;
}
