import { expect } from "chai";
import { useFuzzWorld } from "./testing/fuzz-world";

describe("fuzz: no input makes a /api/oracle route answer 5xx", function () {
  this.timeout(600_000);
  const world = useFuzzWorld();

  it("every documented route, with valid values, near misses and junk in body, query and path", async () => {
    const targets = await world.fuzz("/api/oracle");
    expect(targets.map((t) => `${t.method} ${t.path}`)).to.include.members([
      "get /api/oracle/profiles",
      "post /api/oracle/profiles",
      "get /api/oracle/profiles/{profile_id}",
      "patch /api/oracle/profiles/{profile_id}",
      "delete /api/oracle/profiles/{profile_id}",
      "post /api/oracle/readings",
      "get /api/oracle/readings",
      "get /api/oracle/readings/stats",
      "get /api/oracle/readings/{reading_id}",
      "patch /api/oracle/readings/{reading_id}/favorite",
      "put /api/oracle/readings/{reading_id}/favorite",
      "delete /api/oracle/readings/{reading_id}",
      "post /api/oracle/readings/{reading_id}/feedback",
      "get /api/oracle/readings/{reading_id}/feedback",
      "post /api/oracle/question",
      "post /api/oracle/name",
      "get /api/oracle/profiles/{profile_id}/daily",
      "post /api/oracle/profiles/{profile_id}/daily",
      "get /api/oracle/timing",
      "post /api/oracle/validate-stamp",
    ]);
  });
});
