import fc from "fast-check";
import request from "supertest";
import { useTestDatabase } from "../../../lib/testing/test-database";
import { startTestApi, type SignedInUser, type TestApi } from "../../testing/api-harness";
import { client, createProfile, createReading } from "./feature-client";
import { fuzzTargets, requestsFor, sendAndCheck, type FuzzTarget, type Known } from "./openapi-fuzz";

/**
 * The world the feature routes' fuzz runs in: an API on a fresh database, a user with profiles,
 * readings, a share link and a linked Telegram chat (their ids are the known values the fuzz
 * mixes in), an administrator, and the bot's service key. Each feature's fuzz.test.ts calls
 * useFuzzWorld() and then fuzzes its base path.
 */

const SERVICE_KEY = "fuzz-bot-service-key-0123456789abcdef";
const RUNS = Number(process.env.NPS_FUZZ_RUNS ?? 25);

export interface FuzzWorld {
  /** Every documented route under `base` gets `runs` requests; resolves with the targets fuzzed. */
  fuzz(base: string, runs?: number): Promise<FuzzTarget[]>;
}

export function useFuzzWorld(): FuzzWorld {
  const t = useTestDatabase();
  let api: TestApi;
  let user: SignedInUser;
  let admin: SignedInUser;
  let known: Known;
  let doc: Parameters<typeof fuzzTargets>[0];

  before(async function () {
    this.timeout(60_000);
    api = await startTestApi(t.db, { env: { TELEGRAM_BOT_SERVICE_KEY: SERVICE_KEY } });
    [user, admin] = await Promise.all([api.signIn("user"), api.signIn("admin")]);
    const profiles = [await createProfile(api, user), await createProfile(api, user, { name: "Ali Rezaei", birth_date: "1985-03-21" })];
    const readings = [
      (await createReading(api, user, { reading_type: "time", profile_id: profiles[0] })).id,
      (await createReading(api, user, { reading_type: "question", question: "Fuzz?" })).id,
    ];
    const link = await client(api, user).post("/api/share", { reading_id: readings[0] });
    const code = await client(api, user).post("/api/telegram/link-code");
    const chatId = 424242;
    await request(api.api.app).post("/api/telegram/bot/link").set("Authorization", `Bearer ${SERVICE_KEY}`).send({ code: code.body.code, chat_id: chatId });
    known = {
      profile_id: profiles,
      profile_ids: profiles,
      reading_id: readings,
      link_id: [link.body.id as string],
      token: [link.body.token as string],
      chat_id: [chatId],
      code: [code.body.code as string],
    };
    doc = (await request(api.api.app).get("/openapi.json")).body;
  });
  after(() => api.close());

  /** Who calls a route: the bot's key for the bot's routes, an administrator for /api/admin, else the user. */
  const authorizationFor = (target: FuzzTarget): string | undefined => {
    if (target.path.startsWith("/api/telegram/bot")) return `Bearer ${SERVICE_KEY}`;
    if (target.isPublic) return undefined;
    return `Bearer ${target.path.startsWith("/api/admin") ? admin.token : user.token}`;
  };

  return {
    async fuzz(base, runs = RUNS) {
      const targets = fuzzTargets(doc, base);
      for (const target of targets) {
        await fc.assert(
          fc.asyncProperty(requestsFor(target, doc, known), (r) => sendAndCheck(api.api.app, target, r, authorizationFor(target))),
          { numRuns: runs },
        );
      }
      return targets;
    },
  };
}
