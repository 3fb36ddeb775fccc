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
  const rtl = dir === "rtl";
  return (
    <figure className="chart" aria-labelledby="element-balance-title">
      <figcaption id="element-balance-title">{m.view.elementBalance}</figcaption>
      {/* Drawn left to right in coordinates; in Persian the labels sit on the right and the bars grow leftwards. */}
      <svg viewBox={`0 0 ${width} ${ELEMENTS.length * 28}`} direction="ltr" role="img" aria-label={ELEMENTS.map((e) => `${m.view.elements[e]} ${number(counts[e])}`).join(", ")}>
        {ELEMENTS.map((e, i) => {
          const len = (counts[e] / max) * bar;
          const y = i * 28 + 4;
          const labelX = rtl ? width - 4 : label - 6;
          const barX = rtl ? width - label - Math.max(len, 2) : label;
          const valueX = rtl ? width - label - len - 6 : label + len + 6;
          return (
            <g key={e}>
              <text x={labelX} y={y + 15} textAnchor="end" className="chart-label">
                {m.view.elements[e]}
              </text>
              <rect x={barX} y={y} width={Math.max(len, 2)} height={20} rx={4} fill={ELEMENT_COLOURS[e]} />
              <text x={valueX} y={y + 15} textAnchor={rtl ? "end" : "start"} className="chart-value">
                {number(counts[e])}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
