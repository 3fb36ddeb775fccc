import type { ReactNode } from "react";
import type { ElementName, Reading } from "../api/types";
import { elementCounts, illumination, moonAge } from "../charts/astro";
import { ChartPeriods, type Period } from "../charts/ChartPeriods";
import { CompatibilityMatrix, type Pair } from "../charts/Compatibility";
import { ElementBalance } from "../charts/ElementBalance";
import { Fc60Stamp, stampParts, useStampLabels } from "../charts/Fc60Stamp";
import { MoonPhase } from "../charts/MoonPhase";
import { YearCycle } from "../charts/YearCycle";
import { label, useI18n } from "../i18n/i18n";
import { arr, fullReadingOf, num, obj, sectionsOf, str, type Json } from "./sections";

/**
 * A reading is shown as panels, each drawn when its part of the result is there. A new kind of
 * result (a complete chart, say) is one more entry in READING_PANELS; nothing else changes.
 */
export interface ReadingPanel {
  readonly id: string;
  readonly applies: (reading: Pick<Reading, "reading_type" | "result">) => boolean;
  readonly Panel: (props: { reading: Pick<Reading, "reading_type" | "result" | "ai_interpretation" | "created_at"> }) => ReactNode;
}

function Sections({ full, ai, idPrefix }: { full: Json | undefined; ai?: Record<string, string> | null; idPrefix: string }) {
  const { m } = useI18n();
  const sections = sectionsOf(full, ai);
  if (sections.length === 0) return null;
  const names = m.view.sectionNames as Record<string, string>;
  return (
    <div className="sections">
      {sections.map((s) => (
        <section key={s.key} className={`section section-${s.key}`} aria-labelledby={`${idPrefix}-${s.key}`}>
          <h3 id={`${idPrefix}-${s.key}`}>{names[s.key] ?? s.key.replace(/_/g, " ")}</h3>
          {s.text.split(/\n{2,}/).map((para, i) => (
            // Each paragraph takes its direction from its own first letters, whatever the page's language.
            <p key={i} dir="auto">
              {para}
            </p>
          ))}
        </section>
      ))}
    </div>
  );
}

function Numbers({ full }: { full: Json }) {
  // Titles are the engine's English labels; the Persian prose names them in its own words.
  const { m, number, locale } = useI18n();
  const n = obj(full.numerology);
  const lifePath = obj(n.life_path);
  const rows: [string, number | undefined, string?][] = [
    [m.view.lifePath, num(lifePath.number), str(lifePath.title)],
    [m.view.expression, num(n.expression)],
    [m.view.soulUrge, num(n.soul_urge)],
    [m.view.personality, num(n.personality)],
    [m.view.personalYear, num(n.personal_year)],
    [m.view.personalMonth, num(n.personal_month)],
    [m.view.personalDay, num(n.personal_day)],
  ];
  const confidence = num(obj(full.confidence).score);
  return (
    <section className="panel numbers" aria-labelledby="numbers-title">
      <h2 id="numbers-title">{m.view.numbers}</h2>
      <dl className="number-grid">
        {rows
          .filter(([, v]) => v !== undefined)
          .map(([label, v, title]) => (
            <div key={label} className="number-cell">
              <dt>{label}</dt>
              <dd>
                <span className="big-number">{number(v!)}</span>
                {title && locale === "en" ? <span className="number-title">{title}</span> : null}
              </dd>
            </div>
          ))}
        {confidence !== undefined ? (
          <div className="number-cell">
            <dt>{m.view.confidence}</dt>
            <dd>
              <span className="big-number">{number(confidence / 100, { style: "percent" })}</span>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function Pictures({ full, counts }: { full: Json; counts?: Record<ElementName, number> }) {
  const { m } = useI18n();
  const labels = useStampLabels();
  const names = { weekday: (w: string) => label(m.view.weekdays, w), planet: (p: string) => label(m.view.planets, p) };
  const moon = obj(full.moon);
  const stamp = obj(full.fc60_stamp);
  const person = obj(full.person);
  const birth = str(person.birthdate);
  const date = str(obj(full.current).date) || new Date().toISOString().slice(0, 10);
  const birthAge = birth ? moonAge(birth) : undefined;
  return (
    <section className="panel pictures" aria-labelledby="pictures-title">
      <h2 id="pictures-title">{m.view.pictures}</h2>
      <div className="picture-grid">
        <ElementBalance counts={counts ?? elementCounts(full)} />
        {num(moon.age) !== undefined ? (
          <MoonPhase id="moon-now" title={m.view.moonNow} age={num(moon.age)!} illumination={num(moon.illumination) ?? illumination(num(moon.age)!)} phaseName={label(m.view.phases, str(moon.phase_name))} />
        ) : null}
        {birthAge !== undefined ? <MoonPhase id="moon-birth" title={m.view.moonBirth} age={birthAge} illumination={illumination(birthAge)} /> : null}
        {birth ? <YearCycle birthDate={birth} year={Number(date.slice(0, 4))} /> : null}
        {str(stamp.fc60) ? <Fc60Stamp title={m.view.stamp} stamp={str(stamp.fc60)} parts={stampParts(stamp, labels, names)} /> : null}
      </div>
    </section>
  );
}

function FullReading({ reading }: { reading: Pick<Reading, "result" | "ai_interpretation"> }) {
  const full = fullReadingOf(reading.result)!;
  const { m } = useI18n();
  return (
    <>
      <Numbers full={full} />
      <Pictures full={full} />
      <section className="panel" aria-labelledby="sections-title">
        <h2 id="sections-title">
          {m.view.sections}
          <span className="badge">{reading.ai_interpretation?.ai_generated ? m.view.aiGenerated : m.view.engineText}</span>
        </h2>
        <Sections full={full} ai={reading.ai_interpretation?.ai_generated ? reading.ai_interpretation.sections : null} idPrefix="s" />
      </section>
    </>
  );
}

function NameLetters({ reading }: { reading: Pick<Reading, "result"> }) {
  const { m, number } = useI18n();
  const letters = arr(reading.result.letters).map(obj);
  return (
    <section className="panel" aria-labelledby="letters-title">
      <h2 id="letters-title">
        {m.view.letters}: <bdi>{str(reading.result.name)}</bdi>
      </h2>
      <ol className="letters">
        {letters.map((l, i) => (
          <li key={i} className={`letter el-${str(l.element)}`}>
            <span className="letter-char">{str(l.letter)}</span>
            <span className="letter-value">{number(num(l.value) ?? 0)}</span>
            <span className="letter-element">{(m.view.elements as Record<string, string>)[str(l.element)] ?? str(l.element)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function QuestionFacts({ reading }: { reading: Pick<Reading, "result"> }) {
  const { m, number } = useI18n();
  const r = reading.result;
  const categories = m.reading.categories as Record<string, string>;
  return (
    <section className="panel" aria-labelledby="question-title">
      <h2 id="question-title">{m.view.questionNumber}</h2>
      <p className="question-text">
        <bdi>{str(r.question)}</bdi>
      </p>
      <dl className="facts">
        <dt>{m.view.questionNumber}</dt>
        <dd>
          <span className="big-number">{number(num(r.question_number) ?? 0)}</span> {r.is_master_number ? `(${m.view.master})` : ""}
        </dd>
        <dt>{m.view.category}</dt>
        <dd>{categories[str(r.category)] ?? str(r.category)}</dd>
        <dt>{m.view.script}</dt>
        <dd>{str(r.detected_script)}</dd>
      </dl>
    </section>
  );
}

function Group({ reading }: { reading: Pick<Reading, "result" | "ai_interpretation"> }) {
  const { m, number } = useI18n();
  const readings = arr(reading.result.readings).map(obj);
  const names = readings.map((r) => str(obj(r.person).name));
  const pairs = arr(reading.result.pairs).map(obj) as unknown as Pair[];
  const group = obj(reading.result.group);
  const balance = obj(group.element_balance);
  const counts = { Wood: 0, Fire: 0, Earth: 0, Metal: 0, Water: 0, ...Object.fromEntries(Object.entries(balance).map(([k, v]) => [k, num(v) ?? 0])) } as Record<ElementName, number>;
  return (
    <>
      <section className="panel" aria-labelledby="group-title">
        <h2 id="group-title">{m.view.group}</h2>
        <div className="picture-grid">
          <CompatibilityMatrix names={names} pairs={pairs} />
          <ElementBalance counts={Object.keys(balance).length ? counts : elementCounts(readings)} />
        </div>
        {num(group.harmony_percentage) !== undefined ? (
          <p>
            {m.view.harmony}: <strong>{number(num(group.harmony_percentage)! / 100, { style: "percent" })}</strong> · {str(group.summary)}
          </p>
        ) : null}
        <ul className="pair-list">
          {pairs.map((p) => (
            <li key={`${p.a_index}-${p.b_index}`}>
              <bdi>{names[p.a_index]}</bdi> + <bdi>{names[p.b_index]}</bdi>: <strong>{number(p.percentage / 100, { style: "percent" })}</strong>{" "}
              {str((p as unknown as Json).description)}
            </li>
          ))}
        </ul>
      </section>
      {readings.map((r, i) => (
        <details key={i} className="panel person" open={i === 0}>
          <summary>
            {m.view.person}: <bdi>{names[i]}</bdi>
          </summary>
          <Sections full={r} idPrefix={`p${i}`} />
        </details>
      ))}
    </>
  );
}

function Timing({ reading }: { reading: Pick<Reading, "result"> }) {
  const { m, number } = useI18n();
  const r = reading.result;
  const hours = arr(r.best_hours).map(obj);
  const factors = arr(r.factors).map(obj);
  return (
    <section className="panel" aria-labelledby="timing-title">
      <h2 id="timing-title">
        {m.view.alignment}: {number(num(r.alignment_score) ?? 0, { style: "percent" })} · {str(r.quality)}
      </h2>
      <h3>{m.view.factors}</h3>
      <ul className="factor-list">
        {factors.map((f, i) => (
          <li key={i}>
            <span className="meter" aria-hidden="true">
              <span style={{ inlineSize: `${(num(f.score) ?? 0) * 100}%` }} />
            </span>
            {str(f.note)}
          </li>
        ))}
      </ul>
      <h3>{m.view.bestHours}</h3>
      <ol className="hour-list">
        {hours.map((h, i) => (
          <li key={i}>
            <strong>{number(num(h.hour) ?? 0, { minimumIntegerDigits: 2 })}:{number(0, { minimumIntegerDigits: 2 })}</strong> <span className="muted">{arr(h.reasons).map(str).join(" · ")}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Stamp({ reading }: { reading: Pick<Reading, "result"> }) {
  const { m, number } = useI18n();
  const r = reading.result;
  const d = obj(r.decoded);
  const day = obj(d.day);
  const parts = [
    { token: str(d.weekday_token), label: m.view.weekday, meaning: label(m.view.weekdays, str(d.weekday_name)) },
    { token: str(d.month_token), label: m.view.month, meaning: `${str(d.month_animal)} (${number(num(d.month) ?? 0)})` },
    { token: str(day.token), label: m.view.day, meaning: `${number(num(day.value) ?? 0)} · ${str(day.animal_name)} · ${(m.view.elements as Record<string, string>)[str(day.element_name)] ?? str(day.element_name)}` },
  ].filter((p) => p.token);
  return (
    <section className="panel" aria-labelledby="stampcheck-title">
      <h2 id="stampcheck-title">{r.valid ? m.view.valid : `${m.view.invalid}: ${str(r.error)}`}</h2>
      {r.valid ? <Fc60Stamp title={m.view.stamp} stamp={str(r.stamp)} parts={parts} /> : null}
    </section>
  );
}

const CHART_PARTS = ["life_path", "expression", "soul_urge", "personality", "maturity", "birthday", "balance", "rational_thought", "subconscious_self", "personal_year", "personal_month", "personal_day"] as const;

/** The complete chart: every number with its meaning and working, and its periods as a picture. */
function CompleteChart({ reading }: { reading: Pick<Reading, "result"> }) {
  const { m, number } = useI18n();
  const r = reading.result;
  const name = obj(r.name);
  const periods = (key: string): Period[] =>
    arr(r[key]).map((p) => {
      const o = obj(p);
      return { index: num(o.index) ?? 0, number: num(o.number) ?? 0, from_age: num(o.from_age) ?? 0, to_age: num(o.to_age) ?? null };
    });
  return (
    <section className="panel" aria-labelledby="chart-title">
      <h2 id="chart-title">{m.view.chart.title}</h2>
      {str(name.counted) && str(name.counted) !== str(name.given) ? (
        <p className="muted">
          {m.view.chart.countedAs} <bdi>{str(name.counted)}</bdi>
        </p>
      ) : null}
      <ChartPeriods pinnacles={periods("pinnacles")} challenges={periods("challenges")} />
      <dl className="chart-numbers">
        {CHART_PARTS.filter((k) => r[k] !== undefined).map((k) => {
          const part = obj(r[k]);
          return (
            <div key={k} className="chart-number">
              <dt>
                {m.view.chart.parts[k]} <strong className="big-number">{number(num(part.number) ?? 0)}</strong>
              </dt>
              <dd>
                <p dir="auto">{str(part.meaning)}</p>
                <p className="working">
                  <span className="muted">{m.view.chart.working}: </span>
                  <bdi dir="auto">{str(part.working)}</bdi>
                </p>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export const READING_PANELS: ReadingPanel[] = [
  { id: "question", applies: (r) => r.reading_type === "question", Panel: QuestionFacts },
  { id: "name-letters", applies: (r) => Array.isArray(r.result.letters), Panel: NameLetters },
  { id: "full", applies: (r) => fullReadingOf(r.result) !== undefined, Panel: FullReading },
  { id: "group", applies: (r) => Array.isArray(r.result.pairs), Panel: Group },
  { id: "timing", applies: (r) => r.reading_type === "timing", Panel: Timing },
  { id: "stamp", applies: (r) => r.reading_type === "stamp", Panel: Stamp },
  { id: "chart", applies: (r) => r.reading_type === "chart", Panel: CompleteChart },
];

export function ReadingPanels({ reading }: { reading: Pick<Reading, "reading_type" | "result" | "ai_interpretation" | "created_at"> }) {
  return (
    <>
      {READING_PANELS.filter((p) => p.applies(reading)).map(({ id, Panel }) => (
        <Panel key={id} reading={reading} />
      ))}
    </>
  );
}
