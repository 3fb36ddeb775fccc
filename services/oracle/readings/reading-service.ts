/**
 * Every reading type behind one object: validation, the engine, the optional AI interpretation and
 * timing. The gRPC server serves this object, and the API's direct mode calls the same one
 * in-process, so both give the same answers for the same request.
 *
 * A reading type is one row of READINGS: what it computes from a validated request, and (for the
 * types that can be interpreted) the engine's own text and the model's prompt. The service adds
 * validation, timing and the interpretation around the row; engineResult() is the same row with
 * the engine's text and no model, synchronously (how a stored reading is told again).
 */
import { ENGINE_ONLY, engineInterpretation, type Interpreter } from "../ai/interpreter";
import { multiPrompt, readingPrompt } from "../ai/prompt";
import { emptySections } from "../ai/sections";
import type { Chart } from "../engine";
import { computeChartCompatibility, computeChartReading, type ChartCompatibility, type ChartCompatibilityRequest, type ChartRequest } from "./chart-reading";
import { computeDailyReading } from "./daily-reading";
import { readingOf } from "./engine-call";
import { computeMultiReading } from "./multi-reading";
import { computeNameReading } from "./name-reading";
import { computeQuestionReading } from "./question-reading";
import { checkStamp } from "./stamp-check";
import { readingsTextFor, type ReadingsText } from "./text";
import { EN } from "./text/en";
import { computeTiming } from "./timing-reading";
import type {
  DailyReadingRequest,
  DailyReadingResult,
  GroupAnalysis,
  Interpretation,
  MultiReadingRequest,
  MultiReadingResult,
  NameReadingRequest,
  NameReadingResult,
  PairCompatibility,
  QuestionReadingRequest,
  QuestionReadingResult,
  ReadingType,
  StampCheck,
  StampCheckRequest,
  Telling,
  TimeReadingRequest,
  TimeReadingResult,
  TimingAlignment,
  TimingRequest,
  Translation,
} from "./types";
import { validate } from "./validation";

/** Told about every reading computed, for metrics. */
export interface ReadingObserver {
  reading(type: ReadingType, seconds: number): void;
}

/** Per call: aborts the AI interpretation (a deadline, a cancelled call). */
export interface CallContext {
  readonly signal?: AbortSignal;
}

export interface ReadingServiceOptions {
  readonly interpreter?: Interpreter;
  readonly observer?: ReadingObserver;
}

/** The Oracle's reading types; the gRPC server and the client's direct mode both call this. */
export interface OracleReadings {
  time(req: TimeReadingRequest, ctx?: CallContext): Promise<TimeReadingResult>;
  daily(req: DailyReadingRequest, ctx?: CallContext): Promise<DailyReadingResult>;
  name(req: NameReadingRequest, ctx?: CallContext): Promise<NameReadingResult>;
  question(req: QuestionReadingRequest, ctx?: CallContext): Promise<QuestionReadingResult>;
  multi(req: MultiReadingRequest, ctx?: CallContext): Promise<MultiReadingResult>;
  timing(req: TimingRequest, ctx?: CallContext): Promise<TimingAlignment>;
  stamp(req: StampCheckRequest, ctx?: CallContext): Promise<StampCheck>;
  chart(req: ChartRequest, ctx?: CallContext): Promise<Chart>;
  chartCompatibility(req: ChartCompatibilityRequest, ctx?: CallContext): Promise<ChartCompatibility>;
}

type RequestOf<K extends ReadingType> = Parameters<OracleReadings[K]>[0];
type ResultOf<K extends ReadingType> = Awaited<ReturnType<OracleReadings[K]>>;
type Numbers<K extends ReadingType> = ResultOf<K> extends { interpretation: Interpretation | null } ? Omit<ResultOf<K>, "interpretation"> : ResultOf<K>;

/** What one reading type computes: its numbers, and for the interpreted types the words around them. */
interface Computed<K extends ReadingType> {
  readonly numbers: Numbers<K>;
  /** The engine's own text: the interpretation when no model answers. Absent: the type is never interpreted. */
  readonly fallback?: Translation;
  /** What the model is asked (built only when it is). */
  readonly prompt?: () => string;
}

type Row<K extends ReadingType> = (req: RequestOf<K>) => Computed<K>;

/** The lines a daily prompt adds about the day. */
function dayLines(date: string, insights: DailyReadingResult["insights"]): string[] {
  return [
    `DAY: ${date}`,
    `Suggested: ${insights.suggested_activities.join("; ")}`,
    `Energy: ${insights.energy_forecast}`,
    `Lucky hours: ${insights.lucky_hours.join(", ")}`,
    `Focus: ${insights.focus_area}`,
    `Element of the day: ${insights.element_of_day}`,
  ];
}

/** Every reading type, one row each (a new type adds its row; the table is exhaustive). */
const READINGS: { readonly [K in ReadingType]: Row<K> } = {
  time: (req) => {
    const reading = readingOf({ profile: req.profile, at: req.at, locale: req.locale });
    return { numbers: { reading }, fallback: reading.translation, prompt: () => readingPrompt({ type: "time", reading, inquiry: req.inquiry_context, locale: req.locale }) };
  },
  daily: (req) => {
    const numbers = computeDailyReading(req);
    const { reading, date, insights } = numbers;
    return {
      numbers,
      fallback: reading.translation,
      prompt: () => readingPrompt({ type: "daily", reading, inquiry: req.inquiry_context, locale: req.locale, context: dayLines(date, insights) }),
    };
  },
  name: (req) => {
    const numbers = computeNameReading(req);
    return {
      numbers,
      fallback: numbers.reading.translation,
      prompt: () =>
        readingPrompt({
          type: "name",
          reading: numbers.reading,
          inquiry: req.inquiry_context,
          locale: req.locale,
          context: [
            `NAME: ${numbers.name} (${numbers.numerology_system})`,
            `Expression ${numbers.expression}, soul urge ${numbers.soul_urge}, personality ${numbers.personality}`,
            `Letters: ${numbers.letters.map((l) => `${l.letter}=${l.value}`).join(" ")}`,
          ],
        }),
    };
  },
  question: (req) => {
    const q = computeQuestionReading(req);
    return {
      numbers: q,
      fallback: q.reading.translation,
      prompt: () =>
        readingPrompt({
          type: "question",
          reading: q.reading,
          inquiry: req.inquiry_context,
          locale: req.locale,
          context: [
            `QUESTION: ${q.question}`,
            `CATEGORY: ${q.category}`,
            `Question number ${q.question_number}${q.is_master_number ? " (a master number)" : ""}, letter sum ${q.raw_letter_sum}, ${q.numerology_system}`,
          ],
        }),
    };
  },
  multi: (req) => {
    const numbers = computeMultiReading(req);
    const { readings, pairs, group } = numbers;
    return {
      numbers,
      fallback: multiSections(pairs, group, readingsTextFor(req.locale)),
      prompt: () => multiPrompt({ readings, pairs, group, inquiry: req.inquiry_context, locale: req.locale }),
    };
  },
  timing: (req) => ({ numbers: computeTiming(req) }),
  stamp: (req) => ({ numbers: checkStamp(req) }),
  chart: (req) => ({ numbers: computeChartReading(req) }),
};

function validated<K extends ReadingType>(type: K, input: unknown): RequestOf<K> {
  return (validate[type] as (i: unknown) => RequestOf<K>)(input);
}

/** What a type's result holds besides its numbers: the interpretation, for the types that have one. */
function withInterpretation<K extends ReadingType>(c: Computed<K>, interpretation: Interpretation | null): ResultOf<K> {
  return (c.fallback === undefined ? c.numbers : { ...c.numbers, interpretation }) as ResultOf<K>;
}

/**
 * A reading computed in this process with no model: the numbers, and (when `told`) the engine's
 * text as the interpretation. The same answer the service gives for the same request without AI,
 * or with AI when no model answered.
 */
export function engineResult<K extends ReadingType>(type: K, input: RequestOf<K>, told: boolean): ResultOf<K> {
  const c = READINGS[type](validated(type, input));
  return withInterpretation(c, told && c.fallback ? engineInterpretation(c.fallback) : null);
}

export class ReadingService implements OracleReadings {
  private readonly interpreter: Interpreter;
  private readonly observer: ReadingObserver | undefined;

  constructor(opts: ReadingServiceOptions = {}) {
    this.interpreter = opts.interpreter ?? ENGINE_ONLY;
    this.observer = opts.observer;
  }

  time(req: TimeReadingRequest, ctx?: CallContext): Promise<TimeReadingResult> {
    return this.read("time", req, ctx);
  }

  daily(req: DailyReadingRequest, ctx?: CallContext): Promise<DailyReadingResult> {
    return this.read("daily", req, ctx);
  }

  name(req: NameReadingRequest, ctx?: CallContext): Promise<NameReadingResult> {
    return this.read("name", req, ctx);
  }

  question(req: QuestionReadingRequest, ctx?: CallContext): Promise<QuestionReadingResult> {
    return this.read("question", req, ctx);
  }

  multi(req: MultiReadingRequest, ctx?: CallContext): Promise<MultiReadingResult> {
    return this.read("multi", req, ctx);
  }

  timing(req: TimingRequest): Promise<TimingAlignment> {
    return this.read("timing", req);
  }

  stamp(req: StampCheckRequest): Promise<StampCheck> {
    return this.read("stamp", req);
  }

  private async read<K extends ReadingType>(type: K, input: RequestOf<K>, ctx?: CallContext): Promise<ResultOf<K>> {
    const req = validated(type, input);
    const c = this.measure(type, () => READINGS[type](req));
    if (c.fallback === undefined) return withInterpretation(c, null);
    return withInterpretation(c, await this.interpret(req as Telling, ctx, c.fallback, c.prompt!));
  }

  chart(req: ChartRequest): Promise<Chart> {
    return this.read("chart", req);
  }

  /** Not a reading type of its own: computed, never stored (timed as a chart). */
  async chartCompatibility(input: ChartCompatibilityRequest): Promise<ChartCompatibility> {
    const req = validate.chartCompatibility(input);
    return this.measure("chart", () => computeChartCompatibility(req));
  }

  private measure<T>(type: ReadingType, compute: () => T): T {
    if (!this.observer) return compute();
    const started = performance.now();
    const result = compute();
    this.observer.reading(type, (performance.now() - started) / 1000);
    return result;
  }

  private async interpret(req: Telling, ctx: CallContext | undefined, fallback: Translation, prompt: () => string): Promise<Interpretation | null> {
    if (!req.include_ai) return null;
    return this.interpreter.interpret({ prompt, fallback, signal: ctx?.signal });
  }
}

/** The engine-side text of a multi reading: the group first, then every pair. */
export function multiSections(pairs: readonly PairCompatibility[], group: GroupAnalysis | null, text: ReadingsText = EN): Translation {
  const sections = emptySections();
  const pairLines = pairs.map((p) => text.compatibility.pairLine(p.a_name, p.b_name, p.percentage, p.description));
  sections.message = group ? group.summary : pairLines[0] ?? "";
  sections.patterns = pairLines.join("\n");
  sections.full_text = [...(group ? [group.summary] : []), ...pairLines].join("\n\n");
  return sections;
}
