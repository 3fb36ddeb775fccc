import { ELEMENTS, type ElementName } from "../api/types";
import { useI18n } from "../i18n/i18n";

export const ELEMENT_COLOURS: Record<ElementName, string> = { Wood: "#3f8f4f", Fire: "#d1493f", Earth: "#b07a2a", Metal: "#7d8794", Water: "#2f6fb0" };

/** Five bars, one per element; in Persian they grow from the right. Also readable as a list. */
export function ElementBalance({ counts }: { counts: Record<ElementName, number> }) {
  const { m, number, dir } = useI18n();
  const max = Math.max(1, ...ELEMENTS.map((e) => counts[e]));
  const width = 300;
  const label = 70;
  const bar = width - label - 30;
  const x = (v: number) => (dir === "rtl" ? width - v : v);
  return (
    <figure className="chart" aria-labelledby="element-balance-title">
      <figcaption id="element-balance-title">{m.view.elementBalance}</figcaption>
      <svg viewBox={`0 0 ${width} ${ELEMENTS.length * 28}`} role="img" aria-label={ELEMENTS.map((e) => `${m.view.elements[e]} ${number(counts[e])}`).join(", ")}>
        {ELEMENTS.map((e, i) => {
          const len = (counts[e] / max) * bar;
          const y = i * 28 + 4;
          return (
            <g key={e}>
              <text x={x(label - 6)} y={y + 15} textAnchor={dir === "rtl" ? "start" : "end"} className="chart-label">
                {m.view.elements[e]}
              </text>
              <rect x={dir === "rtl" ? width - label - len : label} y={y} width={Math.max(len, 2)} height={20} rx={4} fill={ELEMENT_COLOURS[e]} />
              <text x={x(label + len + 6)} y={y + 15} textAnchor={dir === "rtl" ? "end" : "start"} className="chart-value">
                {number(counts[e])}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
