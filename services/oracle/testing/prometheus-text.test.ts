import { expect } from "chai";
import { parsePrometheusText, samplesOf } from "./prometheus-text";

describe("Prometheus text parser (test support)", () => {
  it("reads labels, escapes and the special values in any letter case", () => {
    const exp = parsePrometheusText(
      [
        "# HELP x_total Things.",
        "# TYPE x_total counter",
        'x_total{method="Get",note="a \\"quoted\\" word"} 3',
        "lag_seconds Nan",
        "up +Inf",
        "down -inf",
        "plain 1.5e3 1700000000000",
      ].join("\n"),
    );
    expect(exp.types.get("x_total")).to.equal("counter");
    expect(samplesOf(exp, "x_total", { method: "Get" })[0]!.labels.note).to.equal('a "quoted" word');
    expect(samplesOf(exp, "lag_seconds")[0]!.value).to.be.NaN;
    expect(samplesOf(exp, "up")[0]!.value).to.equal(Infinity);
    expect(samplesOf(exp, "down")[0]!.value).to.equal(-Infinity);
    expect(samplesOf(exp, "plain")[0]!.value).to.equal(1500);
  });

  it("refuses what is not exposition text", () => {
    expect(() => parsePrometheusText("x_total abc")).to.throw(/not a sample value/);
    expect(() => parsePrometheusText("# SOMETHING else")).to.throw(/unknown comment line/);
    expect(() => parsePrometheusText('x{a="1" 2')).to.throw(/not a sample line|bad labels/);
  });
});
