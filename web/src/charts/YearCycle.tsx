import { useI18n } from "../i18n/i18n";
import { personalYear } from "./astro";

/**
 * The nine-year personal cycle as a ring of nine segments, this year's filled, with the years
 * before and after it listed beneath in reading order.
 */
export function YearCycle({ birthDate, year }: { birthDate: string; year: number }) {
  const { m, number, dir } = useI18n();
  const current = personalYear(birthDate, year);
  const cx = 60;
  const r = 46;
  const segment = (n: number) => {
    // Number 1 at the top; clockwise in English, counter-clockwise in Persian, as each reads.
    const sign = dir === "rtl" ? -1 : 1;
    const a0 = ((n - 1) / 9) * 2 * Math.PI * sign - Math.PI / 2;
    const a1 = (n / 9) * 2 * Math.PI * sign - Math.PI / 2;
    const p = (a: number, rad: number) => `${cx + rad * Math.cos(a)} ${cx + rad * Math.sin(a)}`;
    const inner = 28;
    const sweep = dir === "rtl" ? 0 : 1;
    return `M ${p(a0, r)} A ${r} ${r} 0 0 ${sweep} ${p(a1, r)} L ${p(a1, inner)} A ${inner} ${inner} 0 0 ${1 - sweep} ${p(a0, inner)} Z`;
  };
  const labelAt = (n: number) => {
    const sign = dir === "rtl" ? -1 : 1;
    const a = ((n - 0.5) / 9) * 2 * Math.PI * sign - Math.PI / 2;
    return { x: cx + 37 * Math.cos(a), y: cx + 37 * Math.sin(a) + 4 };
  };
  const years = [-2, -1, 0, 1, 2].map((d) => ({ year: year + d, n: personalYear(birthDate, year + d) }));
  return (
    <figure className="chart cycle" aria-labelledby="cycle-title">
      <figcaption id="cycle-title">{m.view.yearCycle}</figcaption>
      <svg viewBox="0 0 120 120" role="img" aria-label={`${m.view.personalYear} ${number(current)}`}>
        {Array.from({ length: 9 }, (_, i) => i + 1).map((n) => (
          <g key={n}>
            <path d={segment(n)} className={n === current ? "cycle-now" : "cycle-seg"} />
            <text {...labelAt(n)} textAnchor="middle" className={n === current ? "cycle-label-now" : "cycle-label"}>
              {number(n)}
            </text>
          </g>
        ))}
        <text x={cx} y={cx + 6} textAnchor="middle" className="cycle-centre">
          {number(current)}
        </text>
      </svg>
      <ol className="cycle-years">
        {years.map((y) => (
          <li key={y.year} aria-current={y.year === year ? "true" : undefined}>
            <span>{number(y.year, { useGrouping: false })}</span> <strong>{number(y.n)}</strong>
          </li>
        ))}
      </ol>
    </figure>
  );
}
