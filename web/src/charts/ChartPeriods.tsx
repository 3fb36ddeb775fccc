import { useI18n } from "../i18n/i18n";

export interface Period {
  readonly index: number;
  readonly number: number;
  readonly from_age: number;
  readonly to_age: number | null;
}

/**
 * The four pinnacles over the four challenges on one line of age, as blocks a reader scans at a
 * glance: birth on the reading side's start (left in English, right in Persian).
 */
export function ChartPeriods({ pinnacles, challenges }: { pinnacles: readonly Period[]; challenges: readonly Period[] }) {
  const { m, number, dir } = useI18n();
  const width = 320;
  const end = Math.max(80, ...pinnacles.map((p) => (p.to_age ?? p.from_age + 20) + 10));
  const x = (age: number) => {
    const at = (age / end) * width;
    return dir === "rtl" ? width - at : at;
  };
  const row = (periods: readonly Period[], y: number, cls: string) =>
    periods.map((p) => {
      const from = p.index === 1 ? 0 : p.from_age;
      const to = p.to_age ?? end;
      const [a, b] = [x(from), x(to)].sort((l, r) => l - r) as [number, number];
      return (
        <g key={`${cls}-${p.index}`}>
          <rect x={a + 1} y={y} width={Math.max(b - a - 2, 4)} height={26} rx={4} className={cls} />
          <text x={(a + b) / 2} y={y + 18} textAnchor="middle" className="period-number">
            {number(p.number)}
          </text>
        </g>
      );
    });
  const ticks = [0, ...pinnacles.filter((p) => p.index > 1).map((p) => p.from_age)];
  return (
    <figure className="chart periods" aria-labelledby="periods-title">
      <figcaption id="periods-title">{m.view.chart.periods}</figcaption>
      <svg viewBox={`0 0 ${width} 100`} role="img" aria-label={`${m.view.chart.pinnacles}: ${pinnacles.map((p) => number(p.number)).join(", ")}; ${m.view.chart.challenges}: ${challenges.map((p) => number(p.number)).join(", ")}`}>
        <text x={dir === "rtl" ? width : 0} y={10} textAnchor={dir === "rtl" ? "end" : "start"} className="period-label">
          {m.view.chart.pinnacles}
        </text>
        {row(pinnacles, 14, "period-pinnacle")}
        <text x={dir === "rtl" ? width : 0} y={54} textAnchor={dir === "rtl" ? "end" : "start"} className="period-label">
          {m.view.chart.challenges}
        </text>
        {row(challenges, 58, "period-challenge")}
        {ticks.map((age) => (
          <text key={age} x={x(age)} y={98} textAnchor="middle" className="period-age">
            {number(age)}
          </text>
        ))}
      </svg>
    </figure>
  );
}
