/**
 * Every reading type behind one object: validation, the engine, the optional AI interpretation and
 * timing. The gRPC server serves this object, and the API's direct mode calls the same one
 * in-process, so both give the same answers for the same request.
 */
import { ENGINE_ONLY, type Interpreter } from "../ai/interpreter";
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
import { EN } from "./text/en";
import { computeTiming } from "./timing-reading";
import type {
  DailyReadingRequest,
  DailyReadingResult,
  GroupAnalysis,
  Interpretation,
  InterpretationOptions,
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

export class ReadingService implements OracleReadings {
  private readonly interpreter: Interpreter;
  private readonly observer: ReadingObserver | undefined;

  constructor(opts: ReadingServiceOptions = {}) {
    this.interpreter = opts.interpreter ?? ENGINE_ONLY;
    this.observer = opts.observer;
  }

  async time(input: TimeReadingRequest, ctx?: CallContext): Promise<TimeReadingResult> {
    const req = validate.time(input);
    const reading = this.measure("time", () => readingOf({ profile: req.profile, at: req.at }));
    const interpretation = await this.interpret(req.interpretation, ctx, reading.translation, () =>
      readingPrompt({ type: "time", reading, inquiry: req.interpretation?.inquiry_context }),
    );
    return { reading, interpretation };
  }

  async daily(input: DailyReadingRequest, ctx?: CallContext): Promise<DailyReadingResult> {
    const req = validate.daily(input);
    const { date, reading, insights } = this.measure("daily", () => computeDailyReading(req));
    const interpretation = await this.interpret(req.interpretation, ctx, reading.translation, () =>
      readingPrompt({
        type: "daily",
        reading,
        inquiry: req.interpretation?.inquiry_context,
        context: [
          `DAY: ${date}`,
          `Suggested: ${insights.suggested_activities.join("; ")}`,
          `Energy: ${insights.energy_forecast}`,
          `Lucky hours: ${insights.lucky_hours.join(", ")}`,
          `Focus: ${insights.focus_area}`,
          `Element of the day: ${insights.element_of_day}`,
        ],
      }),
    );
    return { date, reading, insights, interpretation };
  }

  async name(input: NameReadingRequest, ctx?: CallContext): Promise<NameReadingResult> {
    const req = validate.name(input);
    const numbers = this.measure("name", () => computeNameReading(req));
    const interpretation = await this.interpret(req.interpretation, ctx, numbers.reading.translation, () =>
      readingPrompt({
        type: "name",
        reading: numbers.reading,
        inquiry: req.interpretation?.inquiry_context,
        context: [
          `NAME: ${numbers.name} (${numbers.numerology_system})`,
          `Expression ${numbers.expression}, soul urge ${numbers.soul_urge}, personality ${numbers.personality}`,
          `Letters: ${numbers.letters.map((l) => `${l.letter}=${l.value}`).join(" ")}`,
        ],
      }),
    );
    return { ...numbers, interpretation };
  }

  async question(input: QuestionReadingRequest, ctx?: CallContext): Promise<QuestionReadingResult> {
    const req = validate.question(input);
    const q = this.measure("question", () => computeQuestionReading(req));
    const interpretation = await this.interpret(req.interpretation, ctx, q.reading.translation, () =>
      readingPrompt({
        type: "question",
        reading: q.reading,
        inquiry: req.interpretation?.inquiry_context,
        context: [
          `QUESTION: ${q.question}`,
          `CATEGORY: ${q.category}`,
          `Question number ${q.question_number}${q.is_master_number ? " (a master number)" : ""}, letter sum ${q.raw_letter_sum}, ${q.numerology_system}`,
        ],
      }),
    );
    return { ...q, interpretation };
  }

  async multi(input: MultiReadingRequest, ctx?: CallContext): Promise<MultiReadingResult> {
    const req = validate.multi(input);
    const { readings, pairs, group } = this.measure("multi", () => computeMultiReading(req));
    const interpretation = await this.interpret(req.interpretation, ctx, multiSections(pairs, group), () =>
      multiPrompt({ readings, pairs, group, inquiry: req.interpretation?.inquiry_context }),
    );
    return { readings, pairs, group, interpretation };
  }

  async timing(input: TimingRequest): Promise<TimingAlignment> {
    const req = validate.timing(input);
    return this.measure("timing", () => computeTiming(req));
  }

  async stamp(input: StampCheckRequest): Promise<StampCheck> {
    const req = validate.stamp(input);
    return this.measure("stamp", () => checkStamp(req));
  }

  async chart(input: ChartRequest): Promise<Chart> {
    const req = validate.chart(input);
    return this.measure("chart", () => computeChartReading(req));
  }

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

  private async interpret(
    opts: InterpretationOptions | null | undefined,
    ctx: CallContext | undefined,
    fallback: Translation,
    prompt: () => string,
  ): Promise<Interpretation | null> {
    if (!opts?.enabled) return null;
    return this.interpreter.interpret({ prompt, fallback, signal: ctx?.signal });
  }
}

/** The engine-side text of a multi reading: the group first, then every pair. */
export function multiSections(pairs: readonly PairCompatibility[], group: GroupAnalysis | null): Translation {
  const sections = emptySections();
  const pairLines = pairs.map((p) => EN.compatibility.pairLine(p.a_name, p.b_name, p.percentage, p.description));
  sections.message = group ? group.summary : pairLines[0] ?? "";
  sections.patterns = pairLines.join("\n");
  sections.full_text = [...(group ? [group.summary] : []), ...pairLines].join("\n\n");
  return sections;
}
