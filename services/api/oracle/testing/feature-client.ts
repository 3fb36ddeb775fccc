import { randomBytes } from "node:crypto";
import request from "supertest";
import type { TestApi } from "../../testing/api-harness";

/**
 * Test helpers for the feature routes (oracle, share, settings, telegram, admin): requests as a
 * signed-in caller, and profiles and readings made through the API itself.
 */

export interface Caller {
  readonly token: string;
  readonly user: { readonly id: string };
}

export function client(api: TestApi, who?: Caller) {
  const auth = <T extends request.Test>(t: T): T => (who ? (t.set("Authorization", `Bearer ${who.token}`) as T) : t);
  const app = api.api.app;
  return {
    get: (path: string) => auth(request(app).get(path)),
    post: (path: string, body?: unknown) => auth(request(app).post(path)).send(body as object),
    put: (path: string, body?: unknown) => auth(request(app).put(path)).send(body as object),
    patch: (path: string, body?: unknown) => auth(request(app).patch(path)).send(body as object),
    delete: (path: string) => auth(request(app).delete(path)),
  };
}

export function profileBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Alice Johnson ${randomBytes(3).toString("hex")}`,
    birth_date: "1990-07-15",
    mother_name: "Barbara Quillfeather",
    gender: "female",
    country: "US",
    city: "New York",
    heart_rate_bpm: 68,
    timezone_offset_minutes: -300,
    latitude: 40.7,
    longitude: -74,
    ...overrides,
  };
}

/** Creates a profile through the API and returns its id; throws with the answer when refused. */
export async function createProfile(api: TestApi, who: Caller, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await client(api, who).post("/api/oracle/profiles", profileBody(overrides));
  if (res.status !== 201) throw new Error(`profile not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Asks for a reading through POST /api/oracle/readings (without AI unless asked) and returns the stored reading's body. */
export async function createReading(api: TestApi, who: Caller, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }> {
  const told = body.reading_type === "timing" || body.reading_type === "stamp" ? {} : { include_ai: false };
  const res = await client(api, who).post("/api/oracle/readings", { ...told, ...body });
  if (res.status !== 201 && res.status !== 200) throw new Error(`reading not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
}
