import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { groupReading, timeReading } from "../test/fixtures";
import { renderIn } from "../test/render";
import { ReadingPanels, READING_PANELS } from "./panels";

describe("a reading, shown as panels", () => {
  it("shows the numbers, the pictures and the prose sections of a time reading", () => {
    renderIn("en", <ReadingPanels reading={timeReading} />);
    expect(screen.getByRole("heading", { name: "Core numbers" })).toBeTruthy();
    expect(screen.getByText("Explorer")).toBeTruthy();
    for (const caption of ["Element balance", "Moon at this moment", "Moon at birth", "Personal year cycle", "FC60 stamp, decoded"]) expect(screen.getByText(caption)).toBeTruthy();
    // Sections in reading order; an empty one is left out, and the joined full text is not repeated.
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["Overview", "Who you are", "Advice"]);
    expect(screen.queryByText("everything")).toBeNull();
    expect(screen.getByText("RAER")).toBeTruthy();
  });

  it("uses an AI interpretation's sections when the reading has one", () => {
    renderIn("en", <ReadingPanels reading={{ ...timeReading, ai_interpretation: { ai_generated: true, model: "m", sections: { header: "From the model", advice: "Model advice", chart: "A new kind of section" } } }} />);
    expect(screen.getByText("From the model")).toBeTruthy();
    expect(screen.getByText("Interpreted by AI")).toBeTruthy();
    expect(screen.getByText("A new kind of section")).toBeTruthy();
  });

  it("shows a group as a matrix, its harmony and each person's sections", () => {
    renderIn("fa", <ReadingPanels reading={groupReading} />);
    const matrix = screen.getByRole("table");
    expect(within(matrix).getAllByRole("row")).toHaveLength(4);
    expect(screen.getByText("سازگاری")).toBeTruthy();
    expect(screen.getByText("۶۹٪")).toBeTruthy();
    expect(screen.getAllByText(/A reading for/)).toHaveLength(3);
  });

  it("is open to new kinds of result: a panel is one more entry", () => {
    const before = READING_PANELS.length;
    READING_PANELS.push({ id: "chart", applies: (r) => "chart" in r.result, Panel: () => <p>complete chart</p> });
    try {
      renderIn("en", <ReadingPanels reading={{ ...timeReading, result: { ...timeReading.result, chart: {} } }} />);
      expect(screen.getByText("complete chart")).toBeTruthy();
    } finally {
      READING_PANELS.length = before;
    }
  });
});
