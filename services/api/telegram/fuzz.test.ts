import { expect } from "chai";
import { useFuzzWorld } from "../oracle/testing/fuzz-world";

describe("fuzz: no input makes a /api/telegram route answer 5xx", function () {
  this.timeout(600_000);
  const world = useFuzzWorld();

  it("every documented route, with valid values, near misses and junk in body, query and path", async () => {
    const targets = await world.fuzz("/api/telegram");
    expect(targets.map((t) => `${t.method} ${t.path}`)).to.include.members([
      "post /api/telegram/link-code",
      "get /api/telegram/status",
      "delete /api/telegram/links/{chat_id}",
      "get /api/telegram/links/{chat_id}/preferences",
      "put /api/telegram/links/{chat_id}/preferences",
      "post /api/telegram/bot/link",
      "get /api/telegram/bot/chats/{chat_id}",
      "delete /api/telegram/bot/chats/{chat_id}",
      "get /api/telegram/bot/chats/{chat_id}/preferences",
      "put /api/telegram/bot/chats/{chat_id}/preferences",
      "get /api/telegram/bot/chats/{chat_id}/profiles",
      "post /api/telegram/bot/chats/{chat_id}/readings",
      "post /api/telegram/bot/chats/{chat_id}/chart",
      "get /api/telegram/bot/chats/{chat_id}/readings",
      "get /api/telegram/bot/chats/{chat_id}/stats",
      "get /api/telegram/bot/daily/pending",
      "post /api/telegram/bot/daily/reading",
      "post /api/telegram/bot/daily/delivered",
    ]);
  });
});
