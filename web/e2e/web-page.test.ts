import { expect } from "chai";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { startNps, type NpsProcess } from "./nps-process";

/**
 * The web page end to end, as its user meets it: a real `nps start` on a fresh data directory,
 * Debian's chromium driven by playwright-core. Screenshots of the main pages in English and
 * Persian are kept in test-artifacts/screenshots (ignored by git) for people to look at.
 */

/** The page's globals, inside functions that run in the browser (this file is compiled without the DOM library). */
declare const window: {
  document: { documentElement: { scrollWidth: number }; querySelectorAll(selector: string): { length: number } };
  localStorage: { getItem(key: string): string | null };
};

const SHOTS = path.resolve(__dirname, "../../test-artifacts/screenshots");
const NEW_PASSWORD = "a-password-of-my-own";

describe("the web page in a browser", function () {
  this.timeout(180_000);
  let nps: NpsProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  const watch = (p: Page) => {
    p.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    p.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  };
  const shot = async (p: Page, name: string) => {
    await p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };
  const token = async () => JSON.parse((await page.evaluate(() => window.localStorage.getItem("nps.tokens"))) as string).access_token as string;
  const apiPost = async (url: string, body: unknown) => {
    const res = await page.request.post(`${nps.base}${url}`, { data: body, headers: { authorization: `Bearer ${await token()}` } });
    expect(res.status(), `${url}: ${await res.text()}`).to.be.oneOf([200, 201]);
    return res.json();
  };

  before(async () => {
    // The page is built from its sources when they changed (npm test's pretest does the same).
    execFileSync(process.execPath, [path.resolve(__dirname, "../build-if-stale.mjs"), "--strict"], { stdio: "inherit" });
    fs.mkdirSync(SHOTS, { recursive: true });
    [nps, browser] = await Promise.all([startNps(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "en-GB" });
    page = await context.newPage();
    watch(page);
  });

  afterEach(async function () {
    if (this.currentTest?.state === "failed" && page) await shot(page, `failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, "-")}`).catch(() => undefined);
  });

  after(async () => {
    await browser?.close();
    await nps?.stop();
  });

  it("serves the page at / and keeps the API's JSON beside it", async () => {
    const html = await page.request.get(`${nps.base}/`, { headers: { accept: "text/html" } });
    expect(html.headers()["content-type"]).to.contain("text/html");
    expect(await html.text()).to.contain('<div id="root">');
    const json = await page.request.get(`${nps.base}/api/share/${"x".repeat(43)}`);
    expect(json.status()).to.equal(404);
    expect(json.headers()["content-type"]).to.contain("application/json");
    const deep = await page.request.get(`${nps.base}/share/${"x".repeat(43)}`, { headers: { accept: "text/html" } });
    expect(await deep.text()).to.contain('<div id="root">');
  });

  it("signs in the first administrator and makes them choose their own password", async () => {
    await page.goto(`${nps.base}/`);
    await shot(page, "en-sign-in");
    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Wrong username or password.").waitFor();
    // The browser logs the refused sign-in (401) itself; that one is expected.
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes("401")));
    await page.getByLabel("Password").fill(nps.adminPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Choose your own password" }).waitFor();
    await page.getByLabel("Current password").fill(nps.adminPassword);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("New password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("heading", { name: "New reading" }).waitFor();
    // A second administrator for the later steps: each account has its own 60 requests a minute.
    await apiPost("/api/auth/register", { username: "reader", password: NEW_PASSWORD, role: "admin" });
  });

  it("makes a profile with the location picker, which fills in coordinates and the time zone", async () => {
    // Two more people for the group reading, made before the page first lists profiles.
    await apiPost("/api/oracle/profiles", { name: "Bob Smith", birth_date: "1988-01-02", mother_name: "Carol", timezone: "Europe/London" });
    await apiPost("/api/oracle/profiles", { name: "Cyrus Ahmadi", birth_date: "1979-03-21", mother_name: "Dina", timezone: "Asia/Tehran" });
    await page.getByRole("link", { name: "Profiles" }).click();
    await page.getByRole("button", { name: "New profile" }).click();
    await page.getByLabel("Full name").fill("Alice Johnson");
    await page.getByLabel("Birth date").fill("1990-07-15");
    await page.getByLabel("Mother's name", { exact: true }).fill("Barbara Johnson");
    await page.getByLabel("Country").fill("United States of");
    await page.locator("datalist option[value='United States of America']").waitFor({ state: "attached" });
    await page.getByLabel("Country").fill("United States of America");
    await page.getByLabel("City").fill("New Yo");
    await page.locator("datalist option[value='New York']").waitFor({ state: "attached" });
    await page.getByLabel("City").fill("New York");
    expect(await page.getByLabel("Time zone").inputValue()).to.equal("America/New_York");
    expect(Number(await page.getByLabel("Latitude").inputValue())).to.be.closeTo(40.7, 0.3);
    await shot(page, "en-profile-form");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Profile saved.").waitFor();
    const card = page.locator(".profile", { hasText: "Alice Johnson" });
    expect(await card.textContent()).to.contain("America/New_York").and.contain("New York");
  });

  async function ask(type: string, fill: () => Promise<void> = async () => undefined): Promise<string> {
    await page.getByRole("link", { name: "New reading" }).click();
    await page.getByRole("heading", { name: "New reading" }).waitFor();
    await page.getByRole("radio", { name: new RegExp(`^${type}`) }).check();
    await fill();
    await page.getByRole("button", { name: "Get the reading" }).click();
    await page.waitForURL(/\/readings\/[0-9a-f-]{36}$/);
    return page.url().split("/").pop()!;
  }

  const ids: Record<string, string> = {};
  const events: string[] = [];

  it("gets a reading of every type, with live progress from /ws, shown as sections and pictures", async () => {
    page.on("websocket", (ws) => ws.on("framereceived", (f) => events.push(String(f.payload))));
    ids.time = await ask("Time");
    await page.getByRole("heading", { name: "Core numbers" }).waitFor();
    for (const caption of ["Element balance", "Moon at this moment", "Moon at birth", "Personal year cycle", "FC60 stamp, decoded"]) {
      expect(await page.getByText(caption, { exact: true }).count(), caption).to.equal(1);
    }
    expect(await page.locator(".sections h3").allTextContents()).to.include.members(["Overview", "Who you are", "Advice"]);
    await shot(page, "en-reading-time");
    expect(events.some((e) => e.includes('"reading_complete"')), "a reading_complete event on /ws").to.equal(true);
    expect(events.some((e) => e.includes('"reading_progress"'))).to.equal(true);

    ids.daily = await ask("Daily");
    await page.getByRole("heading", { name: "Core numbers" }).waitFor();
    ids.name = await ask("Name", () => page.getByLabel("Name", { exact: true }).fill("Alice Johnson"));
    await page.getByRole("heading", { name: /^Letters/ }).waitFor();
    expect(await page.locator(".letter").count()).to.equal(12);
    ids.question = await ask("Question", () => page.getByLabel("Your question").fill("Should I change my career this spring?"));
    await page.getByRole("heading", { name: "Question number" }).waitFor();
    ids.multi = await ask("Group", async () => {
      for (const name of ["Alice Johnson", "Bob Smith", "Cyrus Ahmadi"]) await page.getByRole("checkbox", { name }).check();
    });
    await page.getByText("Compatibility", { exact: true }).waitFor();
    expect(await page.locator(".matrix tbody tr").count()).to.equal(3);
    await shot(page, "en-reading-group");
    ids.timing = await ask("Timing");
    await page.getByRole("heading", { name: "Best hours" }).waitFor();
    ids.stamp = await ask("Stamp check", () => page.getByRole("textbox", { name: "FC60 stamp" }).fill("VE-OX-OXFI"));
    await page.getByRole("heading", { name: "This stamp is valid." }).waitFor();
    ids.chart = await ask("Complete chart");
    await page.getByRole("heading", { name: "The complete chart" }).waitFor();
    expect(await page.locator(".chart-number").count()).to.be.greaterThan(8);
    // The working shows every step down to the number: "... = 32, 3+2 = 5".
    expect(await page.locator(".chart-number .working bdi").first().textContent()).to.match(/= \d+(, \d+(\+\d+)+ = \d+)*$/);
    expect(await page.locator(".periods rect.period-pinnacle").count()).to.equal(4);
    await shot(page, "en-reading-chart");
  });

  it("searches, filters and pages the history, and keeps favourites", async () => {
    await page.goto(`${nps.base}/readings/${ids.time}`);
    await page.getByRole("button", { name: "☆ Favourite" }).click();
    await page.getByRole("button", { name: /Remove from favourites/ }).waitFor();
    await page.getByRole("link", { name: "History" }).click();
    await page.getByText("8 readings").waitFor();
    await page.getByLabel("Search").fill("career");
    await page.getByRole("button", { name: "Search" }).first().click();
    await page.getByText("1 readings").waitFor();
    expect(await page.locator(".history li").first().textContent()).to.contain("Question");
    await page.getByLabel("Search").fill("");
    await page.getByRole("button", { name: "Search" }).first().click();
    await page.getByLabel("Favourites only").check();
    await page.getByText("1 readings").waitFor();
    expect(await page.locator(".history li").first().textContent()).to.contain("Time");
    await page.getByLabel("Favourites only").uncheck();
    await page.getByLabel("Type").selectOption("stamp");
    await page.getByText("1 readings").waitFor();
    await page.getByLabel("Type").selectOption("");
    await page.getByText("8 readings").waitFor();
    await page.getByText("Page 1 of 2").waitFor();
    expect(await page.locator(".history li").count()).to.equal(5);
    await shot(page, "en-history");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Page 2 of 2").waitFor();
    await page.waitForFunction(() => window.document.querySelectorAll(".history li").length === 3);
  });

  it("takes feedback on a reading, shares it, and the link opens in a fresh browser without an account", async () => {
    await page.goto(`${nps.base}/readings/${ids.time}`);
    await page.locator(".stars label").nth(3).click();
    expect(await page.getByRole("radio", { name: "4 of 5" }).isChecked()).to.equal(true);
    await page.getByLabel("Comment (optional)").fill("The moon picture helped.");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.getByText("Thank you for the feedback.").waitFor();
    await page.getByRole("button", { name: "Share", exact: true }).click();
    await page.getByRole("button", { name: "Create link" }).click();
    const url = await page.getByLabel("Link to share").inputValue();
    expect(url).to.match(new RegExp(`^${nps.base}/share/[A-Za-z0-9_-]{43}$`));
    const stranger = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const visitor = await stranger.newPage();
    watch(visitor);
    await visitor.goto(url);
    await visitor.getByRole("heading", { name: /A shared reading/ }).waitFor();
    await visitor.getByRole("heading", { name: "Core numbers" }).waitFor();
    expect(await visitor.evaluate(() => window.localStorage.getItem("nps.tokens"))).to.equal(null);
    await shot(visitor, "en-shared");
    await stranger.close();
  });

  it("signs out, and a second administrator signs in (60 requests a minute is each account's own budget)", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.goto(`${nps.base}/`);
    expect(await page.evaluate(() => window.localStorage.getItem("nps.tokens"))).to.equal(null);
    await page.getByLabel("Username").fill("reader");
    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "New reading" }).waitFor();
  });

  it("switches to Persian: right-to-left, Persian digits, and the reading asked for in Persian", async () => {
    // The choice is kept in the account's settings, for the bot and the API too.
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/settings") && r.request().method() === "PUT");
    await page.getByRole("button", { name: "فارسی" }).click();
    expect((await saved).status()).to.equal(200);
    expect(await page.locator("html").getAttribute("dir")).to.equal("rtl");
    expect(await page.locator("html").getAttribute("lang")).to.equal("fa");
    await page.getByRole("link", { name: "خوانش تازه" }).click();
    await page.getByRole("radio", { name: /^زمان / }).check();
    const asked = page.waitForResponse((r) => r.url().endsWith("/api/oracle/readings") && r.request().method() === "POST");
    await page.getByRole("button", { name: "دریافت خوانش" }).click();
    const answer = await asked;
    expect(answer.request().postDataJSON()).to.include({ reading_type: "time", locale: "fa" });
    expect(((await answer.json()) as { locale: string }).locale).to.equal("fa");
    await page.waitForURL(/\/readings\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "عددهای اصلی" }).waitFor();
    expect(await page.locator(".sections h3").allTextContents()).to.include.members(["نمای کلی", "شما که هستید", "پیشنهاد"]);
    expect(await page.locator("article.reading").getAttribute("dir")).to.equal("rtl");
    expect(await page.locator(".big-number").first().textContent()).to.match(/^[۰-۹]+$/);
    // The reading's own prose is Persian, paragraph by paragraph: no English sentence in it
    // (three Latin words in a row), Persian letters in every prose paragraph, Persian digits somewhere.
    const paragraphs = (await page.locator(".sections p").allTextContents()).filter((p) => p.trim() !== "");
    expect(paragraphs.length).to.be.greaterThan(5);
    expect(paragraphs.filter((p) => /[A-Za-z]{3,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/.test(p))).to.deep.equal([]);
    // The stamps' own lines (FC60, J60, Y60 codes: capitals, digits and signs) are codes, not prose.
    expect(paragraphs.filter((p) => !/[\u0600-\u06ff]/.test(p) && /[a-z]/.test(p))).to.deep.equal([]);
    expect(paragraphs.some((p) => /[۰-۹]/.test(p))).to.equal(true);
    // Right to left for real: the menu starts at the right edge of the page.
    const brand = await page.locator(".brand").boundingBox();
    expect(brand!.x).to.be.greaterThan(600);
    await shot(page, "fa-reading-time");
    await page.goto(`${nps.base}/readings/${ids.multi}`);
    await page.getByText("سازگاری", { exact: true }).waitFor();
    await shot(page, "fa-reading-group");
    await page.goto(`${nps.base}/history`);
    await page.getByText("۱ خوانش").waitFor();
    await shot(page, "fa-history");
    await page.goto(`${nps.base}/profiles`);
    await page.getByRole("button", { name: "نمایهٔ تازه" }).click();
    await shot(page, "fa-profile-form");
    // The complete chart asked in Persian: Persian meanings, the periods drawn from the right.
    await page.getByRole("link", { name: "خوانش تازه" }).click();
    await page.getByRole("radio", { name: /^نمودار کامل/ }).check();
    await page.getByRole("button", { name: "دریافت خوانش" }).click();
    await page.waitForURL(/\/readings\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "نمودار کامل", exact: true }).waitFor();
    const meanings = (await page.locator(".chart-number dd p[dir=auto]").allTextContents()).filter((p) => p.trim() !== "");
    expect(meanings.length).to.be.greaterThan(8);
    expect(meanings.filter((p) => !/[\u0600-\u06ff]/.test(p))).to.deep.equal([]);
    await shot(page, "fa-reading-chart");
  });

  it("fits a 375 px phone in both languages", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, storageState: await context.storageState(), isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    watch(p);
    for (const lang of ["fa", "en"] as const) {
      await p.goto(`${nps.base}/readings/${ids.time}`);
      await p.locator(".big-number").first().waitFor();
      // The page's own switch (it keeps the choice in the account's settings too).
      await p.getByRole("button", { name: lang === "fa" ? "فارسی" : "English" }).click();
      expect(await p.locator("html").getAttribute("lang")).to.equal(lang);
      await p.getByRole("heading", { name: lang === "fa" ? "عددهای اصلی" : "Core numbers" }).waitFor();
      const width = await p.evaluate(() => window.document.documentElement.scrollWidth);
      expect(width, `${lang}: page width at 375 px`).to.be.at.most(375);
      await shot(p, `${lang}-phone-reading`);
      await p.goto(`${nps.base}/`);
      await p.getByRole("heading", { name: lang === "fa" ? "خوانش تازه" : "New reading" }).waitFor();
      expect(await p.evaluate(() => window.document.documentElement.scrollWidth)).to.be.at.most(375);
      await shot(p, `${lang}-phone-new-reading`);
    }
    // Back to Persian for the steps after this one.
    const saved = p.waitForResponse((r) => r.url().endsWith("/api/settings") && r.request().method() === "PUT");
    await p.getByRole("button", { name: "فارسی" }).click();
    await saved;
    await phone.close();
  });

  it("shows the admin area and Telegram linking with its one-time code", async () => {
    await page.goto(`${nps.base}/telegram`);
    await page.getByRole("button", { name: "گرفتن کد پیوند" }).click();
    const code = (await page.locator(".code").textContent()) ?? "";
    expect(code).to.match(/^\/link \S+$/);
    await page.goto(`${nps.base}/admin`);
    await page.getByRole("heading", { name: "حساب‌ها" }).waitFor();
    await page.locator("td", { hasText: "auth.login" }).first().waitFor();
    await shot(page, "fa-admin");
  });

  it("logged no console errors on any page", () => {
    expect(problems).to.deep.equal([]);
  });
});
