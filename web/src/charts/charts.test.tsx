import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderIn } from "../test/render";
import { elementCounts, illumination, moonAge, personalYear } from "./astro";
import { CompatibilityMatrix } from "./Compatibility";
import { ElementBalance } from "./ElementBalance";
import { MoonPhase } from "./MoonPhase";
import { YearCycle } from "./YearCycle";

describe("pictures", () => {
  it("computes the moon's age, the lit share and personal years", () => {
    // 2000-01-06 18:14 UTC was a new moon; a full moon followed on 2000-01-21.
    expect(moonAge("2000-01-07")).toBeLessThan(1);
    expect(moonAge("2000-01-06")).toBeGreaterThan(29);
    expect(moonAge("2000-01-21")).toBeGreaterThan(14);
    expect(moonAge("2000-01-21")).toBeLessThan(15.5);
    expect(illumination(0)).toBe(0);
    expect(illumination(14.765)).toBe(100);
    expect(personalYear("1990-07-15", 2026)).toBe(5);
    expect(personalYear("1979-03-21", 2026)).toBe(7);
  });

  it("counts the elements named in a result", () => {
    expect(elementCounts({ a: { element: "Fire" }, b: [{ element_name: "Fire" }, { element: "Water" }], c: { element: "Plasma" }, note: "Fire" })).toEqual({ Wood: 0, Fire: 2, Earth: 0, Metal: 0, Water: 1 });
  });

  it("draws one bar per element, labelled, and mirrors them in Persian", () => {
    const counts = { Wood: 0, Fire: 2, Earth: 1, Metal: 1, Water: 0 };
    const { container, unmount } = renderIn("en", <ElementBalance counts={counts} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("Wood 0, Fire 2, Earth 1, Metal 1, Water 0");
    const ltrX = Number(container.querySelectorAll("rect")[1]!.getAttribute("x"));
    unmount();
    const fa = renderIn("fa", <ElementBalance counts={counts} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toContain("آتش ۲");
    const rtlX = Number(fa.container.querySelectorAll("rect")[1]!.getAttribute("x"));
    // The longest bar starts at the label column in English and ends there in Persian.
    expect(ltrX).toBe(70);
    expect(rtlX).toBeLessThan(ltrX);
  });

  it("lights the right side of a waxing moon and the left side of a waning one", () => {
    const waxing = renderIn("en", <MoonPhase id="a" title="Moon" age={4} illumination={illumination(4)} phaseName="Waxing Crescent" />);
    const waxPath = waxing.container.querySelector("path")!.getAttribute("d")!;
    waxing.unmount();
    const waning = renderIn("en", <MoonPhase id="b" title="Moon" age={25} illumination={illumination(25)} phaseName="Waning Crescent" />);
    const wanePath = waning.container.querySelector("path")!.getAttribute("d")!;
    expect(waxPath).toContain(" 0 0 1 50 90");
    expect(wanePath).toContain(" 0 0 0 50 90");
    expect(screen.getByText(/Waning Crescent/)).toBeTruthy();
  });

  it("marks this year's segment of the nine-year cycle", () => {
    const { container } = renderIn("fa", <YearCycle birthDate="1990-07-15" year={2026} />);
    expect(container.querySelectorAll(".cycle-now")).toHaveLength(1);
    expect(container.querySelector(".cycle-centre")!.textContent).toBe("۵");
    expect(container.querySelector('[aria-current="true"]')!.textContent).toContain("۲۰۲۶");
  });

  it("puts each pair's score where its rows meet", () => {
    renderIn("en", <CompatibilityMatrix names={["Alice", "Bob", "Cyrus"]} pairs={[{ a_index: 0, b_index: 1, percentage: 57, classification: "mixed" }, { a_index: 0, b_index: 2, percentage: 81, classification: "good" }, { a_index: 1, b_index: 2, percentage: 40, classification: "challenging" }]} />);
    const rows = screen.getAllByRole("row");
    expect(rows).toHaveLength(4);
    expect(rows[2]!.textContent).toBe("Bob57%—40%");
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Alice", "Bob", "Cyrus"]);
  });
});
