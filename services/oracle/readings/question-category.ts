/**
 * The category of a question, from its words when the asker did not choose one: the category
 * whose keywords occur most often wins (ties go to the earlier category), and a question that
 * matches none is "general". Keywords are word stems, matched at the start of a word, so "marr"
 * finds "married" and "marriage"; stems of three letters or fewer match only the whole word or its
 * plural, so "ill" does not find "illustrate".
 */
import type { QuestionCategory } from "./types";

type Specific = Exclude<QuestionCategory, "general">;

const KEYWORDS: Readonly<Record<Specific, readonly string[]>> = {
  love: [
    "love", "lover", "romanc", "relationship", "partner", "boyfriend", "girlfriend", "husband", "wife", "marr",
    "wedding", "crush", "date", "dating", "soulmate", "heart", "divorc", "breakup",
    "عشق", "ازدواج", "همسر", "رابطه", "دوست‌دختر", "دوست‌پسر", "نامزد", "طلاق",
  ],
  career: [
    "job", "career", "work", "boss", "promot", "interview", "business", "company", "profession", "colleague",
    "hire", "hiring", "fired", "office", "project", "startup", "employ",
    "شغل", "کار", "کسب", "استخدام", "رئیس", "شرکت", "ترفیع", "مصاحبه",
  ],
  health: [
    "health", "ill", "illness", "sick", "disease", "doctor", "hospital", "surgery", "heal", "pain", "diet",
    "weight", "sleep", "body", "medic", "pregnan", "recover", "therap",
    "سلامت", "بیماری", "دکتر", "پزشک", "بیمارستان", "درمان", "جراحی", "بارداری",
  ],
  finance: [
    "money", "financ", "invest", "debt", "loan", "salary", "income", "wealth", "rich", "budget", "stock",
    "crypto", "buy", "sell", "price", "savings", "bank", "mortgage", "profit",
    "پول", "سرمایه", "وام", "بدهی", "حقوق", "درآمد", "خرید", "فروش", "بانک",
  ],
  family: [
    "family", "mother", "father", "mom", "dad", "parent", "child", "children", "son", "daughter", "brother",
    "sister", "sibling", "baby", "grandm", "grandf", "home", "relative",
    "خانواده", "مادر", "پدر", "فرزند", "بچه", "پسر", "دختر", "برادر", "خواهر",
  ],
  spiritual: [
    "spirit", "soul", "god", "faith", "pray", "meditat", "purpose", "meaning", "destiny", "karma", "universe",
    "enlighten", "believ", "religio", "intuition", "dream",
    "روح", "خدا", "ایمان", "دعا", "مراقبه", "سرنوشت", "معنا", "عرفان",
  ],
};

const ORDER = Object.keys(KEYWORDS) as Specific[];

/** Words of any script: runs of letters and combining marks (and the Persian zero-width non-joiner). */
const WORD = /[\p{L}\p{M}\u200c]+/gu;

function matches(word: string, stem: string): boolean {
  if (stem.length > 3) return word.startsWith(stem);
  return word === stem || word === `${stem}s`;
}

export function detectCategory(question: string): QuestionCategory {
  const words = question.toLowerCase().match(WORD) ?? [];
  let best: QuestionCategory = "general";
  let bestHits = 0;
  for (const category of ORDER) {
    let hits = 0;
    for (const word of words) {
      for (const stem of KEYWORDS[category]) {
        if (matches(word, stem)) {
          hits++;
          break;
        }
      }
    }
    if (hits > bestHits) {
      best = category;
      bestHits = hits;
    }
  }
  return best;
}
