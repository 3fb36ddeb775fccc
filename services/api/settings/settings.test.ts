import { expect } from "chai";
import { SETTING_KEYS } from "../../lib/db/repositories/settings";
import { useTestDatabase } from "../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { client } from "../oracle/testing/feature-client";
import { settingsFrom } from "./setting-values";

describe("settings routes", function () {
  const t = useTestDatabase();
  let api: TestApi;
  let alice: SignedInUser;
  let bob: SignedInUser;

  before(async () => {
    api = await startTestApi(t.db);
    [alice, bob] = await Promise.all([api.signIn("user"), api.signIn("readonly")]);
  });
  after(() => api.close());

  it("every key, with defaults until set", async () => {
    const res = await client(api, alice).get("/api/settings");
    expect(res.status).to.equal(200);
    expect(Object.keys(res.body.settings).sort()).to.deep.equal([...SETTING_KEYS].sort());
    expect(res.body.settings).to.deep.equal(res.body.defaults);
    expect(res.body.settings).to.include({ theme: "auto", share_enabled: true, daily_delivery_time: "08:00", font_size: "medium" });
  });

  it("updates several typed values at once, per account; null puts a key back to its default", async () => {
    const res = await client(api, alice).put("/api/settings", { theme: "dark", auto_daily: true, timezone: "Asia/Tehran", daily_delivery_time: "07:45", numerology_system: "abjad", locale: "fa" });
    expect(res.status).to.equal(200);
    expect(res.body.settings).to.include({ theme: "dark", auto_daily: true, timezone: "Asia/Tehran", daily_delivery_time: "07:45", numerology_system: "abjad", locale: "fa" });
    expect((await client(api, alice).get("/api/settings")).body.settings).to.include({ theme: "dark", auto_daily: true });
    expect((await client(api, bob).get("/api/settings")).body.settings.theme).to.equal("auto");
    const reset = await client(api, alice).put("/api/settings", { theme: null, font_size: "large" });
    expect(reset.body.settings).to.include({ theme: "auto", font_size: "large", auto_daily: true });
    // A readonly account keeps settings too.
    expect((await client(api, bob).put("/api/settings", { dark_mode: true })).body.settings.dark_mode).to.equal(true);
  });

  it("names each bad key or value, and changes nothing then", async () => {
    const res = await client(api, alice).put("/api/settings", { theme: "purple", auto_daily: "yes", timezone: "Mars/Olympus", daily_delivery_time: "7am", favourite_colour: "red" });
    expect(res.status).to.equal(400);
    expect(res.body.error.fields).to.include.keys(["theme", "auto_daily", "timezone", "daily_delivery_time"]);
    expect(JSON.stringify(res.body.error)).to.contain("favourite_colour");
    expect((await client(api, alice).put("/api/settings", {})).status).to.equal(400);
    expect((await client(api, alice).put("/api/settings", [])).status).to.equal(400);
    expect((await client(api, alice).get("/api/settings")).body.settings.theme).to.equal("auto");
    expect((await client(api).get("/api/settings")).status).to.equal(401);
  });

  it("reads a stored value that no longer fits its type as the default", () => {
    expect(settingsFrom({ theme: '"neon"', auto_daily: "true", locale: "fa" })).to.include({ theme: "auto", auto_daily: true, locale: "fa" });
  });
});
