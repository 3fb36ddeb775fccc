/** The sections of a translated reading in Persian: their sentences, labels and headings. */
import type { TranslationText } from "../engine-text";
import { EXPRESSION, LIFE_PATH, PERSONALITY, PERSONAL_YEAR, SOUL_URGE } from "./core-identity";
import { animal, commaList, domain, fd, joinList, lifePathTitle, planet, times, trait } from "./words";

function confidenceWord(score: number): string {
  if (score >= 85) return "بسیار قوی";
  if (score >= 75) return "قوی";
  if (score >= 65) return "متوسط";
  return "احتمالی";
}

const RELATION: Readonly<Record<string, string>> = {
  harmony: "با هم هماهنگ‌اند",
  clash: "یکدیگر را به دو سو می‌کشند",
  resonance: "بازتاب یکدیگرند",
  neutral: "تنها کنار هم هستند",
};

/** "2026-12-02" as "۲۰۲۶-۱۲-۰۲"; anything else only gets Persian digits. */
const digits = (s: string) => fd(s).replace(/−/g, "-");

export const TRANSLATION: TranslationText = {
  header: (name, date, confidence) => `خوانشی برای ${name || "شما"}\n${digits(date)}\nاطمینان ${fd(confidence)}٪ (${confidenceWord(confidence)})`,
  universalAddress: (fc60, j60, y60) =>
    `این سه رمز همین لحظه را در نظام FC60 نام می‌برند: روز و ساعت، شمار روزها، و سال.\n\nFC60  ${fc60}\nJ60   ${j60}\nY60   ${y60}`,

  lifePath: LIFE_PATH,
  expression: EXPRESSION,
  soulUrge: SOUL_URGE,
  personality: PERSONALITY,
  personalYear: PERSONAL_YEAR,
  lifePathHeading: (lifePath, title) => `مسیر زندگی ${fd(lifePath)}: ${lifePathTitle(lifePath, title)}`,
  expressionFallback: (n) =>
    n === 0
      ? "نام تو حرفی ندارد که این نظام بشمارد، پس عدد بیانی به دست نمی‌دهد؛ کارهایت به جای تو سخن می‌گویند."
      : `بیان ${fd(n)} نشان می‌دهد توانایی‌هایت را چگونه در جهان به کار می‌گیری.`,
  soulUrgeFallback: (n) =>
    n === 0
      ? "این نظام هیچ واکه‌ای از نام تو را نمی‌شمارد، پس اشتیاق روحت ناگفته می‌ماند؛ آن را در آنچه آرزو می‌کنی بشنو."
      : `اشتیاق روح ${fd(n)} به آنچه دلت آرام می‌خواهد اشاره دارد.`,
  personalityFallback: (n) =>
    n === 0
      ? "این نظام هیچ همخوانی از نام تو را نمی‌شمارد، پس عدد شخصیتت خاموش است؛ نخستین برداشت‌ها را خودت شکل می‌دهی."
      : `شخصیت ${fd(n)} برداشتی است که پیش از آشنایی نزدیک در دیگران می‌گذاری.`,
  personalYearLine: (personalYear, theme) => `این سال شخصی ${fd(personalYear)} توست، ${theme}.`,
  lifePathYearBridge: (lifePath, _title, personalYear, _theme, message) => `مسیر زندگی ${fd(lifePath)} در سال شخصی ${fd(personalYear)}: ${message}`,

  foundationMatching: (motherNumber) =>
    `نام مادرت به عدد بیان ${fd(motherNumber)} می‌رسد، همان عدد مسیر زندگی تو. اثر او و مسیر خودت هم‌سو هستند، و این خانواده را جایی برای نیرو گرفتن می‌کند، نه جایی برای ستیز.`,
  foundationDiffering: (motherNumber, lifePath) =>
    `نام مادرت به عدد بیان ${fd(motherNumber)} می‌رسد و مسیر زندگی تو ${fd(lifePath)} است. بخشی از آنچه در خانه آموختی با راهت جور است و بخشی نه؛ نگه داشتن اولی و پرسیدن از دومی بخشی از کار توست.`,

  rightNowPlanet: (p, d) => `امروز ${planet(p)} آهنگ روز را می‌زند و ${domain(p, d)} در کانون توجه است.`,
  rightNowHour: (hourMessage) => `${hourMessage} این ویژگی را تا عوض شدن ساعت در یاد داشته باش.`,
  rightNowPlanetMoon: (_planet, _theme, message) => `فرمانروای روز و فاز ماه با هم می‌گویند: ${message}`,

  patternsIntro: "برخی جانوران بیش از یک بار در مهر این لحظه آمده‌اند و تکرار، وزن بیشتری به آن‌ها می‌دهد.",
  positions: { month: "ماه", day: "روز", hour: "ساعت", minute: "دقیقه" },
  patternAnimal: (rep, positions) => {
    // The year's branch is the one animal outside the stamp's four positions.
    const where = positions.length < rep.count ? [...positions, "سال"] : positions;
    return `${times(rep.count)}، ${animal(rep.animal_name)}: ${trait(rep.animal_name, rep.trait)}` + (where.length > 0 ? `، در ${joinList(where)}.` : ".");
  },
  patternHarmony: (first, second, type, meaning) => `${animal(first.animal_name)} و ${animal(second.animal_name)} ${RELATION[type] ?? "به هم می‌رسند"}. ${meaning}`,
  patternNumber: (n, count) => `عدد ${fd(n)} ${times(count)} در نمایهٔ تو آمده است، پس درون‌مایه‌هایش از بقیه سنگین‌ترند.`,
  patternsNone: "اکنون تکرار پررنگی به چشم نمی‌آید؛ این لحظه متوازن است.",

  messageIntro: "نشانه‌های امروز این گونه کنار هم می‌نشینند.",
  messageFallback: "این لحظه متوازن است و هیچ سویی به‌تنهایی زور نمی‌زند.",

  adviceLabels: ["با این آغاز کن", "در یاد داشته باش", "پیش از پایان روز"],
  adviceItem: (index, label, text) => `${fd(index)}. ${label}: ${text}`,
  adviceDefaults: [
    "امروز همهٔ توجهت را به یک گفت‌وگو بده.",
    "پیش از خواب، یک چیز را که خوب پیش رفت نام ببر.",
    "کمی بنوش، بیرون برو و اندکی راه برو؛ کارهای ساده در هر روزی یاری می‌کنند.",
  ],

  cautionIntro: "چند چیز که امروز باید مراقبشان بود.",
  cautionShadow: (elementName, el) =>
    `نیروی ${{ Wood: "چوب", Fire: "آتش", Earth: "خاک", Metal: "فلز", Water: "آب" }[elementName] ?? elementName} امروز ممکن است به ${el.shadow} بینجامد. ${el.counter}`,
  cautionTension: (tension) => `کشمکشی که باید دید: ${tension}`,

  footer: (confidence, sources, missing) =>
    `اطمینان: ${fd(confidence)}٪ (${confidenceWord(confidence)})\nداده‌های به‌کاررفته: ${commaList(sources)}` +
    (missing.length > 0 ? `\nناموجود: ${commaList(missing)}` : "") +
    "\nخوانش چیزهایی برای اندیشیدن پیش می‌نهد و رویدادها را پیش‌گویی نمی‌کند. داوری خودت مقدم است.",
  sources: {
    stamp: "مهر FC60",
    weekday: "روز هفته و سیاره",
    numerology: "عددشناسی",
    moon: "فاز ماه",
    ganzhi: "چرخهٔ شصت‌گانه",
    heartbeat: "ضربان قلب",
    location: "مکان",
  },
  missing: { location: "مکان", mother: "نام مادر", heartbeat: "ضربان قلب", time: "ساعت روز" },
  headings: {
    universalAddress: "نشانی تو در زمان",
    coreIdentity: "تو که هستی",
    foundation: "از کجا می‌آیی",
    rightNow: "همین حالا",
    patterns: "الگوها",
    message: "پیام",
    advice: "پیشنهاد برای امروز",
    caution: "یک هشدار",
  },
  divider: "\n────────────────────────────────────────\n",
};
