import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderIn } from "../test/render";
import { ReadingPanels } from "./panels";

const period = (index: number, n: number, from: number, to: number | null) => ({ index, number: n, master: false, karmic_debt: null, working: `${index}`, meaning: `period ${index}`, from_age: from, to_age: to, from_year: 1990 + from, to_year: to === null ? null : 1990 + to });

/** A stored chart as the API answers it (the shape of the engine's Chart, trimmed to what is shown). */
const chartReading = {
  reading_type: "chart" as const,
  created_at: "2026-02-09T10:00:00Z",
  ai_interpretation: null,
  result: {
    name: { given: "Иван Петров", counted: "Ivan Petrov", route: "any-ascii" },
    life_path: { number: 5, master: false, karmic_debt: null, working: "7 + 15 (1+5 = 6) + 1990 (1+9+9+0 = 19, 1+9 = 10, 1+0 = 1): 7+6+1 = 14, 1+4 = 5", meaning: "Freedom, change and experience." },
    expression: { number: 7, master: false, karmic_debt: null, working: "I(9)+V(4)+A(1)+N(5) + P(7)+E(5)+T(2)+R(9)+O(6)+V(4) = 52, 5+2 = 7", meaning: "Built to look beneath the surface." },
    pinnacles: [period(1, 4, 0, 31), period(2, 7, 31, 40), period(3, 11, 40, 49), period(4, 8, 49, null)],
    challenges: [period(1, 1, 0, 31), period(2, 5, 31, 40), period(3, 4, 40, 49), period(4, 3, 49, null)],
  },
};

describe("the complete chart, shown", () => {
  it("shows each number with its meaning and working, the name it was counted by, and the periods as a picture", () => {
    renderIn("en", <ReadingPanels reading={chartReading} />);
    expect(screen.getByRole("heading", { name: "The complete chart" })).toBeTruthy();
    expect(screen.getByText("Ivan Petrov")).toBeTruthy();
    expect(screen.getByText("Freedom, change and experience.")).toBeTruthy();
    expect(screen.getByText(chartReading.result.expression.working)).toBeTruthy();
    const picture = screen.getByRole("img", { name: /^Pinnacles: 4, 7, 11, 8; Challenges: 1, 5, 4, 3$/ });
    expect(picture.querySelectorAll("rect.period-pinnacle")).toHaveLength(4);
    expect(picture.querySelectorAll("rect.period-challenge")).toHaveLength(4);
  });

  it("in Persian: Persian labels and digits, birth on the right", () => {
    renderIn("fa", <ReadingPanels reading={chartReading} />);
    expect(screen.getByRole("heading", { name: "نمودار کامل" })).toBeTruthy();
    expect(screen.getByText("مسیر زندگی")).toBeTruthy();
    const picture = screen.getByRole("img", { name: /^اوج‌ها: ۴، ۷، ۱۱، ۸؛|^اوج‌ها: ۴, ۷, ۱۱, ۸;/ });
    const first = picture.querySelector("rect.period-pinnacle")!;
    // The first pinnacle starts at birth, on the right edge in right-to-left.
    expect(Number(first.getAttribute("x")) + Number(first.getAttribute("width"))).toBeGreaterThan(300);
  });
});
