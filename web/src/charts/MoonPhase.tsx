import { useI18n } from "../i18n/i18n";
import { SYNODIC_MONTH } from "./astro";

/**
 * The moon's disc as seen from the northern hemisphere: lit from the right while waxing, from the
 * left while waning. A picture of the sky, so it is not mirrored in Persian.
 */
export function MoonPhase({ age, illumination, title, phaseName, id }: { age: number; illumination: number; title: string; phaseName?: string; id: string }) {
  const { m, format, number } = useI18n();
  const r = 40;
  const phase = (age % SYNODIC_MONTH) / SYNODIC_MONTH;
  const waxing = phase < 0.5;
  // The terminator is an ellipse whose half-width shrinks to 0 at the quarters.
  const rx = Math.abs(Math.cos(2 * Math.PI * phase)) * r;
  const litBulges = illumination > 50;
  const sweepOuter = waxing ? 1 : 0;
  const sweepInner = waxing === litBulges ? 1 : 0;
  const path = `M 50 ${50 - r} A ${r} ${r} 0 0 ${sweepOuter} 50 ${50 + r} A ${rx} ${r} 0 0 ${sweepInner} 50 ${50 - r} Z`;
  const pct = Math.round(illumination);
  return (
    <figure className="chart moon" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox="0 0 100 100" role="img" aria-label={`${phaseName ?? ""} ${format(m.view.illumination, { pct })}`}>
        <circle cx="50" cy="50" r={r} className="moon-dark" />
        {pct >= 99 ? <circle cx="50" cy="50" r={r} className="moon-lit" /> : pct > 0 ? <path d={path} className="moon-lit" /> : null}
        <circle cx="50" cy="50" r={r} fill="none" className="moon-rim" />
      </svg>
      <p className="chart-note">
        {phaseName ? <strong>{phaseName}</strong> : null} {format(m.view.illumination, { pct })} · {format(m.view.age, { days: number(Math.round(age * 10) / 10) })}
      </p>
    </figure>
  );
}
