/**
 * The question reading: the number a question carries (the digital root of its letter sum, master
 * numbers kept), its script, system and category, and the reading of whoever asked (the moment
 * alone when no profile is given).
 */
import { digitalRoot, MASTER_NUMBERS } from "../engine";
import { nameRead, readingOf } from "./engine-call";
import { momentReading } from "./moment-reading";
import { lettersOf, scriptOf } from "./name-reading";
import { detectCategory } from "./question-category";
import type { QuestionReadingRequest, QuestionReadingResult } from "./types";

export type QuestionNumber = Pick<QuestionReadingResult, "question_number" | "is_master_number" | "raw_letter_sum" | "detected_script" | "numerology_system" | "question_read">;

export function questionNumber(question: string, choice: QuestionReadingRequest["numerology_system"]): QuestionNumber {
  const { system, ...question_read } = nameRead(question, choice ?? "auto", "question");
  const raw = lettersOf(question_read.counted, system).reduce((sum, l) => sum + l.value, 0);
  const n = raw > 0 ? digitalRoot(raw) : 0;
  return {
    question_number: n,
    is_master_number: MASTER_NUMBERS.has(n),
    raw_letter_sum: raw,
    detected_script: scriptOf(question),
    question_read,
    numerology_system: system,
  };
}

export type QuestionNumbers = Omit<QuestionReadingResult, "interpretation">;

export function computeQuestionReading(req: QuestionReadingRequest): QuestionNumbers {
  return {
    question: req.question,
    ...questionNumber(req.question, req.numerology_system),
    category: req.category ?? detectCategory(req.question),
    category_detected: req.category == null,
    // Without a profile, the asker's birth date is unknown: the moment alone, nothing invented.
    reading: req.profile ? readingOf({ profile: req.profile, at: req.at, locale: req.locale }) : momentReading({ at: req.at, locale: req.locale }),
  };
}
