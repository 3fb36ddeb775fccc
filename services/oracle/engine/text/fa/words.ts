/**
 * Persian helpers for the fa tables: Persian digits, lists, and the engine's data labels (animal,
 * element, planet, weekday and moon-phase names, traits and phrases) in Persian. The engine's data
 * keeps its English labels; only the sentences built from them speak Persian.
 */

const DIGITS = "۰۱۲۳۴۵۶۷۸۹";

/** Latin digits as Persian digits; the decimal point as the Persian separator. */
export function fd(value: number | string): string {
  return String(value)
    .replace(/[0-9]/g, (d) => DIGITS[Number(d)]!)
    .replace(/\./g, "٫")
    .replace(/-/g, "−");
}

/** 22.054 -> "۲۲٫۰۵" */
export function twoDecimals(x: number): string {
  const hundredths = Math.round(x * 100);
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  return fd(`${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`);
}

/** 1477947600 -> "۱٬۴۷۷٬۹۴۷٬۶۰۰" */
export function groupThousands(n: number): string {
  const digits = String(Math.abs(Math.trunc(n)));
  let out = "";
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? "٬" : "") + digits[i];
  return (n < 0 ? "−" : "") + fd(out);
}

const TIMES = ["هیچ بار", "یک بار", "دو بار", "سه بار", "چهار بار", "پنج بار", "شش بار"];

export function times(count: number): string {
  return count >= 0 && count < TIMES.length ? TIMES[count]! : `${fd(count)} بار`;
}

/** "الف، ب و پ" */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join("، ")} و ${items[items.length - 1]}`;
}

export function commaList(items: readonly string[]): string {
  return items.join("، ");
}

export const ANIMALS: Readonly<Record<string, string>> = {
  Rat: "موش", Ox: "گاو", Tiger: "ببر", Rabbit: "خرگوش", Dragon: "اژدها", Snake: "مار",
  Horse: "اسب", Goat: "بز", Monkey: "میمون", Rooster: "خروس", Dog: "سگ", Pig: "خوک",
};
export const ANIMAL_BY_TOKEN: Readonly<Record<string, string>> = {
  RA: "موش", OX: "گاو", TI: "ببر", RU: "خرگوش", DR: "اژدها", SN: "مار", HO: "اسب", GO: "بز", MO: "میمون", RO: "خروس", DO: "سگ", PI: "خوک",
};
export const animal = (name: string): string => ANIMALS[name] ?? name;

export const ELEMENT_NAMES: Readonly<Record<string, string>> = { Wood: "چوب", Fire: "آتش", Earth: "خاک", Metal: "فلز", Water: "آب" };
export const element = (name: string): string => ELEMENT_NAMES[name] ?? name;

export const PLANETS: Readonly<Record<string, string>> = {
  Sun: "خورشید", Moon: "ماه", Mars: "مریخ", Mercury: "عطارد", Jupiter: "مشتری", Venus: "زهره", Saturn: "زحل",
};
export const planet = (name: string): string => PLANETS[name] ?? name;

export const WEEKDAYS: Readonly<Record<string, string>> = {
  Sunday: "یکشنبه", Monday: "دوشنبه", Tuesday: "سه‌شنبه", Wednesday: "چهارشنبه", Thursday: "پنجشنبه", Friday: "جمعه", Saturday: "شنبه",
};
export const weekday = (name: string): string => WEEKDAYS[name] ?? name;

/** What each weekday planet rules, in Persian (the engine's domains are English data). */
export const DOMAINS: Readonly<Record<string, string>> = {
  Sun: "هویت، دیده شدن و سرزندگی",
  Moon: "احساس، شهود و خانه",
  Mars: "نیرو، جسارت و کشمکش",
  Mercury: "گفت‌وگو، اندیشه و پیوند",
  Jupiter: "گسترش، بخت و فرزانگی",
  Venus: "عشق، زیبایی و هماهنگی",
  Saturn: "ساختار، انضباط و درس‌ها",
};
export const domain = (planetName: string, fallback: string): string => DOMAINS[planetName] ?? fallback;

export const PHASES: Readonly<Record<string, { name: string; energy: string; bestFor: string }>> = {
  "New Moon": { name: "ماه نو", energy: "دانه کاشتن", bestFor: "نیت گذاشتن و آغازهای تازه" },
  "Waxing Crescent": { name: "هلال فزاینده", energy: "ساختن", bestFor: "گام‌های نخست و گردآوری توان" },
  "First Quarter": { name: "تربیع نخست", energy: "تصمیم گرفتن", bestFor: "گذر از مانع‌ها و انتخاب کردن" },
  "Waxing Gibbous": { name: "ماه فزایندهٔ کوژ", energy: "پرداختن", bestFor: "اصلاح، بهتر کردن و شکیبایی" },
  "Full Moon": { name: "ماه تمام", energy: "روشن‌شدن", bestFor: "به بار نشستن، جشن و دیدن آشکار" },
  "Waning Gibbous": { name: "ماه کاهندهٔ کوژ", energy: "سپاس", bestFor: "هم‌رسانی، آموختن و قدردانی" },
  "Last Quarter": { name: "تربیع پایانی", energy: "سبک شدن", bestFor: "رها کردن، بخشیدن و پاک‌سازی" },
  "Waning Crescent": { name: "هلال کاهنده", energy: "آرمیدن", bestFor: "استراحت، بازنگری و آماده شدن" },
};
export const phaseName = (name: string): string => PHASES[name]?.name ?? name;

/** Each animal's quality and its call to action (the engine's traits are English data). */
export const TRAITS: Readonly<Record<string, { trait: string; action: string }>> = {
  Rat: { trait: "زیرکی و تیزبینی", action: "به غریزه‌ات اعتماد کن و زود دست به کار شو" },
  Ox: { trait: "شکیبایی و پایداری", action: "راهت را ادامه بده؛ پشتکار نیروی توست" },
  Tiger: { trait: "دلیری و رهبری بی‌پروا", action: "با اطمینان کار را به دست بگیر" },
  Rabbit: { trait: "شهود و دیپلماسی نرم", action: "پیش از هر کاری به صدای درونت گوش بده" },
  Dragon: { trait: "دگرگونی و سرنوشت", action: "دگرگونی‌ای را که صدایت می‌زند بپذیر" },
  Snake: { trait: "فرزانگی و دقت", action: "ژرف‌تر نگاه کن؛ پاسخ در جزئیات است" },
  Horse: { trait: "آزادی و حرکت پرشور", action: "با توان و استقلال پیش برو" },
  Goat: { trait: "آفرینندگی و نگاه هنری", action: "خودت را از راه‌های آفریننده بیان کن" },
  Monkey: { trait: "انعطاف و هوشمندی", action: "راه‌حل تازه‌ای را بیاب که دیگران ندیده‌اند" },
  Rooster: { trait: "راستی و انضباط مطمئن", action: "حقیقتت را روشن و بی‌درنگ بگو" },
  Dog: { trait: "وفاداری و پاسداری صادقانه", action: "از آنچه برایت مهم‌تر است نگهبانی کن" },
  Pig: { trait: "فراوانی و بخشندگی", action: "گشاده‌دست باش؛ به اندازهٔ کافی هست" },
};
export const trait = (animalName: string, fallback: string): string => TRAITS[animalName]?.trait ?? fallback;
export const action = (animalName: string, fallback: string): string => TRAITS[animalName]?.action ?? fallback;

/** The day's time bands, by the engine's English context label. */
export const TIME_BANDS: Readonly<Record<string, { context: string; energy: string }>> = {
  "The hour of silence": { context: "ساعت سکوت", energy: "دل شب؛ ناخودآگاه بالا می‌آید" },
  "The early hours": { context: "ساعت‌های آغازین", energy: "توانی خام، روزی که هنوز شکل نگرفته" },
  "Morning engine": { context: "موتور صبح", energy: "روشنی در اوج و مقاومت در کمترین حد" },
  "Midday checkpoint": { context: "ایستگاه نیمروز", energy: "شتاب یا بیشتر می‌شود یا فرو می‌نشیند" },
  "Afternoon shift": { context: "چرخش بعدازظهر", energy: "نتیجه‌ها می‌رسند، وقت تنظیم دوباره است" },
  "Evening transition": { context: "گذار شامگاه", energy: "هضم و بازاندیشی آغاز می‌شود" },
  "Night hours": { context: "ساعت‌های شب", energy: "نقاب‌ها کنار می‌روند و پرسش‌های واقعی رو می‌شوند" },
};

export const POLARITY: Readonly<Record<string, string>> = { Yin: "یین", Yang: "یانگ" };
export const polarity = (p: string): string => POLARITY[p] ?? p;

/** Life path titles and aims, by number (the engine's titles are English data). */
export const LIFE_PATH_TITLES: Readonly<Record<number, { title: string; message: string }>> = {
  1: { title: "پیشگام", message: "رهبری کنی و راه تازه بگشایی" },
  2: { title: "میانجی", message: "همکاری کنی و پیوند بسازی" },
  3: { title: "بیانگر", message: "بیافرینی و بیان کنی" },
  4: { title: "سازنده", message: "پایه‌های استوار بسازی" },
  5: { title: "جست‌وجوگر", message: "دگرگون شوی و خود را وفق دهی" },
  6: { title: "نگهبان", message: "مراقبت کنی و مسئولیت بپذیری" },
  7: { title: "جوینده", message: "بیندیشی و ژرف بفهمی" },
  8: { title: "توانمند", message: "به دستاورد برسی و رهبری کنی" },
  9: { title: "انسان‌دوست", message: "خدمت کنی و رها کنی" },
  11: { title: "الهام‌بخش", message: "روشن کنی و الهام ببخشی" },
  22: { title: "معمار بزرگ", message: "رؤیاهای بزرگ را بسازی" },
  33: { title: "آموزگار مهربان", message: "با مهر بیاموزی و درمان کنی" },
};
export const lifePathTitle = (n: number | string, fallback: string): string => LIFE_PATH_TITLES[Number(n)]?.title ?? fallback;
export const lifePathMessage = (n: number | string, fallback: string): string => LIFE_PATH_TITLES[Number(n)]?.message ?? fallback;
