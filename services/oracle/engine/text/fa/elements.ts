/**
 * The five elements in Persian. Meanings are spoken inside signal messages, so none may contain
 * the Persian name of another element (see engine-text.ts).
 */
import type { ElementName, ElementText } from "../engine-text";

export const ELEMENTS: Readonly<Record<ElementName, ElementText>> = {
  Wood: {
    meaning: "رشد، برنامه‌ها و آغازها",
    shadow: "پراکنده کردن خود در کارهای بسیار",
    counter: "یکی از ایده‌های امروز را برگزین و برایش مهلت بگذار؛ بقیه در فهرستی منتظر بمانند.",
  },
  Fire: {
    meaning: "نیرو، گرما و دگرگونی",
    shadow: "ته کشیدن سوخت",
    counter: "در روزت یک مکث واقعی بگنجان؛ استراحت است که شعله را روشن نگه می‌دارد.",
  },
  Earth: {
    meaning: "استواری و مراقبت عملی",
    shadow: "گیر افتادن در روزمرگی",
    counter: "مسیر دیگری برو، ترتیب کارهایت را عوض کن، جای صندلی‌ات را تغییر بده: کمی تازگی نمی‌گذارد بیش از اندازه فرو بروی.",
  },
  Metal: {
    meaning: "روشنی، نظم و دقت",
    shadow: "سختی و انعطاف‌ناپذیری",
    counter: "هر گاه دیدی بر تنها راه درست پافشاری می‌کنی، از خودت بپرس راه دوم چه شکلی می‌داشت.",
  },
  Water: {
    meaning: "احساس، شهود و ژرفا",
    shadow: "غرق شدن در احساس",
    counter: "اگر همه چیز فوری به نظر می‌رسد، آن را با کسی در میان بگذار؛ به زبان آمده، به اندازهٔ واقعی‌اش کوچک می‌شود.",
  },
};
