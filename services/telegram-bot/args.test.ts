import { expect } from "chai";
import { formatOffset, parseChartArgs, parseClock, parseDate, parseOffset, parseTimeArgs, splitCommand, splitNames } from "./args";
import { resolveProfile } from "./commands/readings";

describe("telegram bot: reading what users type", () => {
  it("splits a command from its words, with or without the bot's name", () => {
    expect(splitCommand("/time@NpsBot 14:30 2026-02-09")).to.deep.equal({ name: "time", args: "14:30 2026-02-09" });
    expect(splitCommand("  /HELP ")).to.deep.equal({ name: "help", args: "" });
    expect(splitCommand("hello /start")).to.equal(null);
    expect(splitCommand("/")).to.equal(null);
  });

  it("/chart's words: nothing, or a name in any script and then a birth date", () => {
    expect(parseChartArgs("")).to.deep.equal({});
    expect(parseChartArgs("Иван  Петров 1988-03-02")).to.deep.equal({ name: "Иван Петров", birth_date: "1988-03-02" });
    expect(parseChartArgs("张伟 2001-09-09")).to.deep.equal({ name: "张伟", birth_date: "2001-09-09" });
    expect(parseChartArgs("1988-03-02")).to.equal(null);
    expect(parseChartArgs("Ivan Petrov")).to.equal(null);
    expect(parseChartArgs("Ivan 1988-02-30")).to.equal(null);
  });

  it("clock times, calendar days and /time's words in either order", () => {
    expect(parseClock("7:05")).to.equal("07:05");
    expect(parseClock("24:00")).to.equal(null);
    expect(parseDate("2024-02-29")).to.equal("2024-02-29");
    expect(parseDate("2026-02-29")).to.equal(null);
    expect(parseTimeArgs("2026-02-09 14:30")).to.deep.equal({ time: "14:30", date: "2026-02-09" });
    expect(parseTimeArgs("")).to.deep.equal({});
    expect(parseTimeArgs("14:30 15:00")).to.equal(null);
    expect(parseTimeArgs("tomorrow")).to.equal(null);
  });

  it("UTC offsets within -12:00..+14:00, written back the same way", () => {
    expect(parseOffset("+03:30")).to.equal(210);
    expect(parseOffset("UTC-5")).to.equal(-300);
    expect(parseOffset("+0545")).to.equal(345);
    expect(parseOffset("UTC")).to.equal(0);
    expect(parseOffset("+15:00")).to.equal(null);
    expect(parseOffset("Tehran")).to.equal(null);
    expect(formatOffset(-210)).to.equal("-03:30");
    expect(formatOffset(0)).to.equal("+00:00");
  });

  it("names for /compare: by commas (Latin or Persian) or spaces; a name means one profile", () => {
    expect(splitNames("Alice Johnson, Bob Smith")).to.deep.equal(["Alice Johnson", "Bob Smith"]);
    expect(splitNames("علی، مریم")).to.deep.equal(["علی", "مریم"]);
    expect(splitNames("Alice Bob")).to.deep.equal(["Alice", "Bob"]);
    const profiles = [
      { id: "1", name: "Alice Johnson", name_persian: "آلیس", birth_date: "1990-01-01" },
      { id: "2", name: "Alan Smith", name_persian: null, birth_date: "1990-01-01" },
    ];
    expect(resolveProfile(profiles, "alice johnson")?.id).to.equal("1");
    expect(resolveProfile(profiles, "آلیس")?.id).to.equal("1");
    expect(resolveProfile(profiles, "Ala")?.id).to.equal("2");
    expect(resolveProfile(profiles, "Al")).to.equal(undefined);
  });
});
