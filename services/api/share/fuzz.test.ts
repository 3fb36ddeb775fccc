import { expect } from "chai";
import { useFuzzWorld } from "../oracle/testing/fuzz-world";

describe("fuzz: no input makes a /api/share route answer 5xx", function () {
  this.timeout(600_000);
  const world = useFuzzWorld();

  it("every documented route, with valid values, near misses and junk in body, query and path", async () => {
    const targets = await world.fuzz("/api/share");
    expect(targets.map((t) => `${t.method} ${t.path}`)).to.include.members([
      "post /api/share",
      "get /api/share/links",
      "delete /api/share/links/{link_id}",
      "get /api/share/{token}",
      "delete /api/share/{token}",
    ]);
  });
});
