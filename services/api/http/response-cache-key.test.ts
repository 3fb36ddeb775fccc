import { expect } from "chai";
import { canonicalUrl, plainPath } from "./response-cache-key";

/** What the cache key always was: the WHATWG parse, its query sorted and re-serialised. */
function parsed(url: string): string {
  const u = new URL(url, "http://x");
  u.searchParams.sort();
  return `${u.pathname}?${u.searchParams.toString()}`;
}

describe("response cache key", () => {
  const urls = [
    "/api/oracle/readings",
    "/api/oracle/readings?",
    "/api/oracle/readings?limit=20&offset=0",
    "/api/oracle/readings?offset=0&limit=20",
    "/api/oracle/readings?limit=20&limit=10",
    "/api/oracle/readings?a=1&a=0&b=",
    "/api/oracle/readings?search=a+b&sort_by=created_at",
    "/api/oracle/readings?search=%41%20b",
    "/api/oracle/readings?search=~tilde",
    "/api/oracle/readings?flag",
    "/api/oracle/readings?a=b=c",
    "/api/oracle/readings?a=1&&b=2",
    "/api/oracle/readings?B=1&a=2",
    "/api/oracle/readings?x=1#frag",
    "/api/oracle/../oracle/readings?limit=20",
    "/api/oracle/./readings",
    "/api/oracle/%2e%2e/readings",
    "/api/oracle/readings/",
    "/api/Oracle/Readings.json?v=1.2",
    "/api/oracle\\readings",
    "/api/oracle/r%C3%A9adings?q=%C3%A9",
    "/api/oracle/ré?q=é",
  ];

  it("is the parser's key for every URL, plain ones taken as they are", () => {
    for (const url of urls) expect(canonicalUrl(url), url).to.equal(parsed(url));
  });

  it("takes as plain only paths the parser leaves unchanged", () => {
    for (const url of urls) {
      const path = plainPath(url);
      if (path !== undefined) expect(new URL(url, "http://x").pathname, url).to.equal(path);
    }
    expect(plainPath("/api/oracle/readings?limit=20")).to.equal("/api/oracle/readings");
    expect(plainPath("/api/oracle/../oracle/readings")).to.equal(undefined);
    expect(plainPath("//evil/api")).to.equal(undefined);
    expect(plainPath("/api/%72eadings")).to.equal(undefined);
  });
});
