import { useI18n } from "../i18n/i18n";

export interface Pair {
  readonly a_index: number;
  readonly b_index: number;
  readonly percentage: number;
  readonly classification: string;
}

function colour(pct: number): string {
  // From a cool grey-blue (low) to a warm green (high), readable with its number in it.
  const hue = 200 - (pct / 100) * 80;
  return `hsl(${hue} 55% ${85 - pct * 0.35}%)`;
}

/** The group as a matrix: each pair's score where its two rows meet. A table, so it reads in both directions. */
export function CompatibilityMatrix({ names, pairs }: { names: readonly string[]; pairs: readonly Pair[] }) {
  const { m, number } = useI18n();
  const score = (i: number, j: number) => pairs.find((p) => (p.a_index === i && p.b_index === j) || (p.a_index === j && p.b_index === i));
  return (
    <figure className="chart matrix" aria-labelledby="compat-title">
      <figcaption id="compat-title">{m.view.compatibility}</figcaption>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <td />
              {names.map((n) => (
                <th key={n} scope="col">
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {names.map((row, i) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {names.map((col, j) => {
                  const p = i === j ? undefined : score(i, j);
                  return i === j ? (
                    <td key={col} className="matrix-self" aria-label="—">
                      —
                    </td>
                  ) : (
                    <td key={col} style={{ background: colour(p?.percentage ?? 0) }} title={p?.classification}>
                      {p ? number(p.percentage / 100, { style: "percent" }) : "?"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
