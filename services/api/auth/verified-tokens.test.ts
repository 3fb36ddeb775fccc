import { expect } from "chai";
import { ACCESS_TOKEN_TYPE, type AccessClaims } from "./access-tokens";
import { VERIFIED_TOKEN_MS, VerifiedTokens } from "./verified-tokens";

const claims = (iat: number, exp: number): AccessClaims => ({ sub: "u", jti: "j", sid: "s", typ: ACCESS_TOKEN_TYPE, pwd: 0, iat, exp, iss: "nps-api", aud: "nps" });

describe("verified tokens", () => {
  it("keeps a verified token's claims by its exact text, for VERIFIED_TOKEN_MS at most", () => {
    let now = 1_000_000_000;
    const tokens = new VerifiedTokens(3_600, 100, () => now);
    const c = claims(now / 1000, now / 1000 + 3_600);
    tokens.remember("a.b.c", c);
    expect(tokens.get("a.b.c")).to.equal(c);
    expect(tokens.get("a.b.d")).to.equal(undefined);
    now += VERIFIED_TOKEN_MS - 1;
    expect(tokens.get("a.b.c")).to.equal(c);
    now += 1;
    expect(tokens.get("a.b.c")).to.equal(undefined);
  });

  it("never past the token's exp, nor past iat plus the configured lifetime", () => {
    let now = 1_000_000_000;
    const tokens = new VerifiedTokens(600, 100, () => now);
    const start = now / 1000;
    tokens.remember("expiring", claims(start - 590, start + 10));
    tokens.remember("aged", claims(start - 595, start + 3_000));
    tokens.remember("too old", claims(start - 600, start + 3_000));
    tokens.remember("expired", claims(start - 700, start - 100));
    expect(tokens.get("too old")).to.equal(undefined);
    expect(tokens.get("expired")).to.equal(undefined);
    now += 4_999;
    expect(tokens.get("aged")).not.to.equal(undefined);
    now += 1;
    expect(tokens.get("aged")).to.equal(undefined);
    expect(tokens.get("expiring")).not.to.equal(undefined);
    now += 5_000;
    expect(tokens.get("expiring")).to.equal(undefined);
  });
});
