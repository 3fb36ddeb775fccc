import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionProvider } from "../api/session";
import { LocationPicker, type Place } from "../components/LocationPicker";
import { fakeApi, renderIn } from "../test/render";
import { toCsv } from "./csv";
import { Login } from "./Login";
import { SharedReading } from "./SharedReading";
import { Route, Routes } from "react-router";
import { timeReading } from "../test/fixtures";
import { useState } from "react";

afterEach(() => vi.unstubAllGlobals());

describe("pages", () => {
  it("sign-in: a wrong password says so, and nothing is stored", async () => {
    const api = fakeApi([[/POST \/api\/auth\/login/, () => ({ status: 401, json: { error: { code: "unauthorized", message: "wrong username or password" } } })]]);
    vi.stubGlobal("fetch", api.fetchImpl);
    renderIn("en", <SessionProvider><Login /></SessionProvider>);
    fireEvent.change(screen.getByLabelText("Username"), { target: { value: "admin" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "nope" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Wrong username or password.")).toBeTruthy();
    expect(api.calls[0]).toMatchObject({ method: "POST", body: { username: "admin", password: "nope" } });
    expect(localStorage.getItem("nps.tokens")).toBeNull();
  });

  it("sign-in: a 429 says how long to wait, in Persian digits on the Persian page", async () => {
    const api = fakeApi([[/POST \/api\/auth\/login/, () => ({ status: 429, json: { error: { code: "rate_limited", message: "slow down" } }, headers: { "retry-after": "37" } })]]);
    vi.stubGlobal("fetch", api.fetchImpl);
    renderIn("fa", <SessionProvider><Login /></SessionProvider>);
    fireEvent.change(screen.getByLabelText("نام کاربری"), { target: { value: "admin" } });
    fireEvent.change(screen.getByLabelText("گذرواژه"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "ورود" }));
    expect((await screen.findByRole("alert")).textContent).toContain("۳۷ ثانیه");
  });

  it("a shared link that has expired says so (410), without an account", async () => {
    const api = fakeApi([[/GET \/api\/share\//, () => ({ status: 410, json: { error: { code: "gone", message: "expired" } } })]]);
    vi.stubGlobal("fetch", api.fetchImpl);
    renderIn("en", <Routes><Route path="/share/:token" element={<SharedReading />} /></Routes>, "/share/abc");
    expect(await screen.findByText("This link has expired or was revoked.")).toBeTruthy();
  });

  it("a shared link shows the shared reading", async () => {
    const api = fakeApi([[/GET \/api\/share\//, () => ({ json: { reading: timeReading, shared_parts: ["result"], view_count: 3, expires_at: "2026-12-09T00:00:00Z" } })]]);
    vi.stubGlobal("fetch", api.fetchImpl);
    renderIn("en", <Routes><Route path="/share/:token" element={<SharedReading />} /></Routes>, "/share/abc");
    expect(await screen.findByText("Core numbers")).toBeTruthy();
    expect(screen.getByText(/Views: 3/)).toBeTruthy();
  });

  it("the location picker: a country, then a city, fills in coordinates and time zone", async () => {
    const api = fakeApi([
      [/GET \/api\/location\/countries\?/, () => ({ json: { countries: [{ code: "IR", name: "Iran", name_en: "Iran", name_fa: "ایران", timezone: "Asia/Tehran", timezones: ["Asia/Tehran"], latitude: 35.7, longitude: 51.4 }] } })],
      [/GET \/api\/location\/countries\/IR\/cities/, () => ({ json: { cities: [{ name: "Shiraz", province: "Fars", country_code: "IR", latitude: 29.6, longitude: 52.53, timezone: "Asia/Tehran", population: 1 }] } })],
    ]);
    vi.stubGlobal("fetch", api.fetchImpl);
    let place: Place = { country: null, city: null, latitude: null, longitude: null, timezone: null };
    function Harness() {
      const [value, setValue] = useState(place);
      return <LocationPicker value={value} onChange={(p) => setValue((place = p))} />;
    }
    renderIn("en", <Harness />);
    await waitFor(() => expect(api.calls.some((c) => c.url.includes("/countries?"))).toBe(true));
    await waitFor(() => expect(document.querySelectorAll("datalist option").length).toBe(1));
    fireEvent.change(screen.getByLabelText("Country"), { target: { value: "Iran" } });
    expect(place).toMatchObject({ country: "IR", timezone: "Asia/Tehran", latitude: 35.7 });
    await waitFor(() => expect(api.calls.some((c) => c.url.includes("/countries/IR/cities"))).toBe(true));
    await waitFor(() => expect(screen.getByLabelText("City").hasAttribute("disabled")).toBe(false));
    await waitFor(() => expect([...document.querySelectorAll("datalist option")].map((o) => o.getAttribute("value"))).toContain("Shiraz"));
    fireEvent.change(screen.getByLabelText("City"), { target: { value: "Shiraz" } });
    expect(place).toMatchObject({ country: "IR", city: "Shiraz", latitude: 29.6, longitude: 52.53, timezone: "Asia/Tehran" });
  });

  it("history as CSV: quoted, and formulas defused", () => {
    const csv = toCsv([{ ...timeReading, question: 'He said "=1+1"', preview: "=HYPERLINK()" } as never]);
    const [header, row] = csv.trim().split("\r\n");
    expect(header).toContain("reading_type");
    expect(row).toContain('"He said ""=1+1"""');
    expect(row).toContain(`"'=HYPERLINK()"`);
  });
});
