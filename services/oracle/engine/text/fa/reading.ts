/** The symbolic reading's own sentences in Persian: opening, core signal, context lines and closing. */
import type { ReadingText } from "../engine-text";
import { ANIMAL_ELEMENT } from "./animal-element";
import { ELEMENTS } from "./elements";
import { SIGNALS } from "./signals";
import { action, animal, element, fd, groupThousands, lifePathMessage, lifePathTitle, planet, polarity, TIME_BANDS, times, trait, weekday } from "./words";

const LATITUDE_SIDE: Readonly<Record<string, string>> = { N: "شمال استوا", S: "جنوب استوا" };
const LONGITUDE_SIDE: Readonly<Record<string, string>> = { E: "شرق گرینویچ", W: "غرب گرینویچ" };

export const READING: ReadingText = {
  signals: SIGNALS,
  elements: ELEMENTS,
  animalElement: ANIMAL_ELEMENT,
  animalElementLine: (animalName, elementName, description) => `${animal(animalName)} با ${element(elementName)}: ${description}`,
  paradox:
    "مهر این لحظه آن را ساعتی از روز می‌شمارد، اما اکنون نیمه‌شب است. چنین ساعت‌هایی برای اندیشیدن صادقانه خوب‌اند: آنچه اکنون روشن به نظر می‌رسد یادداشت کن و در روشنای روز دوباره به آن نگاه کن.",
  opening: (p, weekdayName, time) => {
    const band = TIME_BANDS[time.context];
    return `این ${weekday(weekdayName)} از آنِ ${planet(p)} است. ${band?.context ?? time.context}: ${band?.energy ?? time.energy}.`;
  },
  coreSignal: (rep) =>
    `بالاتر از همه، امروز ${animal(rep.animal_name)} ایستاده است که ${times(rep.count)} دیده شد: ${trait(rep.animal_name, rep.trait)}. ${action(rep.animal_name, rep.action)}.`,
  dayEnergy: (animalName, elementName, el) =>
    `نشانهٔ تاریخ، ${animal(animalName)} را به ${element(elementName)} پیوند می‌دهد: ${el.meaning}، با خطرِ ${el.shadow}.`,
  personalOverlay: (lifePath, title, message, personalYear) =>
    `راه تو در مقام ${lifePathTitle(lifePath, title)} (مسیر زندگی ${fd(lifePath)}) این است که ${lifePathMessage(lifePath, message)}؛ امسال، سال شخصی ${fd(personalYear)}، صحنه را برای آن می‌چیند.`,
  heartbeatContext: (hb) =>
    `با ${hb.bpm_source === "actual" ? "" : "حدود "}${fd(hb.bpm)} ضربان در دقیقه (${element(hb.element)} در چرخهٔ پنج عنصر)، قلبت تاکنون نزدیک به ${groupThousands(hb.total_lifetime_beats)} بار در زندگی‌ات تپیده است.`,
  locationContext: (loc) =>
    `از روی عرض جغرافیایی، جای تو از آنِ ${element(loc.element)} است؛ بودن در ${LATITUDE_SIDE[loc.lat_hemisphere] ?? loc.lat_hemisphere} و ${LONGITUDE_SIDE[loc.lon_hemisphere] ?? loc.lon_hemisphere} به آن قطبیت ${polarity(loc.lat_polarity)} و ${polarity(loc.lon_polarity)} می‌دهد.`,
  yearContext: (year) =>
    `در چرخهٔ شصت‌ساله، ${fd(year.year)} سالِ ${animal(year.animal_name)}ِ ${element(year.element)} است (${year.gz_token})، ${element(year.element)} در مرحلهٔ ${polarity(year.polarity)}.`,
  closing: "همهٔ این‌ها را آینه‌ای برای اندیشیدن بخوان، نه پیش‌گویی؛ اینکه با روزت چه کنی همچنان با خود توست.",
};
