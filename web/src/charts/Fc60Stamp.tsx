import { useI18n } from "../i18n/i18n";

export interface StampPart {
  readonly token: string;
  /** What the part is (weekday, month, day, hour...). */
  readonly label: string;
  /** What the token stands for (Friday / Venus, Ox, Ox with Fire...). */
  readonly meaning: string;
}

/** The stamp written out, then each token in a tile with what it names; tiles flow with the page's direction. */
export function Fc60Stamp({ stamp, parts, title }: { stamp: string; parts: readonly StampPart[]; title: string }) {
  return (
    <figure className="chart stamp" aria-labelledby="fc60-title">
      <figcaption id="fc60-title">{title}</figcaption>
      <p className="stamp-text" dir="ltr" lang="en">
        {stamp}
      </p>
      <ol className="stamp-parts">
        {parts.map((p, i) => (
          <li key={`${p.label}-${i}`} className="stamp-part">
            <span className="stamp-token" dir="ltr" lang="en">
              {p.token}
            </span>
            <span className="stamp-label">{p.label}</span>
            <span className="stamp-meaning">{p.meaning}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** The parts of a reading's fc60_stamp object. */
export function stampParts(
  stamp: Record<string, unknown>,
  labels: { weekday: string; month: string; day: string; timeOfDay: string; hour: string },
  names: { weekday: (w: string) => string; planet: (p: string) => string } = { weekday: (w) => w, planet: (p) => p },
): StampPart[] {
  const s = (k: string) => (typeof stamp[k] === "string" ? (stamp[k] as string) : "");
  const parts: StampPart[] = [
    { token: s("_weekday_token"), label: labels.weekday, meaning: [names.weekday(s("_weekday_name")), names.planet(s("_planet"))].filter(Boolean).join(" · ") },
    { token: s("_month_animal"), label: labels.month, meaning: "" },
    { token: s("_dom_token"), label: labels.day, meaning: "" },
  ];
  if (s("_hour_animal")) {
    parts.push({ token: `${s("_half_marker")}${s("_hour_animal")}`, label: labels.hour, meaning: "" });
    parts.push({ token: s("_minute_token"), label: labels.timeOfDay, meaning: "" });
  }
  return parts.filter((p) => p.token !== "");
}

export function useStampLabels() {
  const { m } = useI18n();
  return { weekday: m.view.weekday, month: m.view.month, day: m.view.day, timeOfDay: m.view.timeOfDay, hour: m.view.hour };
}
