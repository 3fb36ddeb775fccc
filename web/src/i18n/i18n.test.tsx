import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError, describeError } from "../api/errors";
import { en } from "./en";
import { fa } from "./fa";
import { I18nProvider, localDigits, makeI18n, useI18n } from "./i18n";

function Probe() {
  const { m, format } = useI18n();
  return <p>{format(m.history.total, { count: 1234 })}</p>;
}

describe("languages", () => {
  it("has every English key in Persian too, none left empty", () => {
    const keys = (o: object, p = ""): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(fa).sort()).toEqual(keys(en).sort());
    const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === "object" ? values(v) : [v as string]));
    for (const v of values(fa)) expect(v.trim()).not.toBe("");
  });

  it("writes numbers in Persian digits on the Persian page", () => {
    expect(makeI18n("fa").format("{count} خوانش", { count: 1234 })).toBe("۱٬۲۳۴ خوانش");
    expect(makeI18n("en").format("{count} readings", { count: 1234 })).toBe("1,234 readings");
    expect(localDigits("fa", "2026-12-02")).toBe("۲۰۲۶-۱۲-۰۲");
    expect(localDigits("en", "2026-12-02")).toBe("2026-12-02");
  });

  it("turns the document right-to-left in Persian", () => {
    render(
      <I18nProvider locale="fa">
        <Probe />
      </I18nProvider>,
    );
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("fa");
    expect(screen.getByText("۱٬۲۳۴ خوانش")).toBeTruthy();
  });

  it("says what went wrong for each failure, 429 with its wait", () => {
    const say = (err: unknown, locale: "en" | "fa" = "en") => describeError(err, makeI18n(locale).m, makeI18n(locale).format);
    expect(say(new ApiError(0, "network", "fetch failed"))).toBe(en.errors.network);
    expect(say(new ApiError(401, "unauthorized", ""))).toBe(en.errors.unauthorized);
    expect(say(new ApiError(403, "forbidden", ""))).toBe(en.errors.forbidden);
    expect(say(new ApiError(404, "not_found", ""))).toBe(en.errors.notFound);
    expect(say(new ApiError(410, "gone", ""))).toBe(en.errors.gone);
    expect(say(new ApiError(423, "locked", ""))).toBe(en.errors.locked);
    expect(say(new ApiError(429, "rate_limited", "", {}, 42))).toContain("42 seconds");
    expect(say(new ApiError(429, "rate_limited", "", {}, 42), "fa")).toContain("۴۲");
    expect(say(new ApiError(503, "unavailable", ""))).toBe(en.errors.server);
    expect(say(new ApiError(400, "invalid", "bad", { name: "too short" }))).toBe(en.errors.invalid);
    expect(say(new Error("boom"))).toBe(en.errors.unexpected);
  });
});
