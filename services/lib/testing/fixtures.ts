import { randomBytes } from "node:crypto";
import { hashPassword, TEST_PASSWORD_COST } from "../crypto/passwords";
import type { Repositories } from "../db/repositories";
import type { ProfileInput, Profile } from "../db/repositories/oracle-profiles";
import type { Role, UserRecord } from "../db/repositories/users";
import type { Viewer } from "../db/paging";

/**
 * Small builders for tests: accounts (with a cheap argon2id cost) and profiles with unique
 * names, so suites sharing a database never collide.
 */

export const TEST_PASSWORD = "correct horse battery staple";

let cheapHash: Promise<string> | undefined;

export function uniqueName(prefix = "user"): string {
  return `${prefix}_${randomBytes(4).toString("hex")}`;
}

export async function makeUser(repos: Repositories, options: { role?: Role; username?: string; isActive?: boolean } = {}): Promise<UserRecord> {
  cheapHash ??= hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST);
  return repos.users.create({ username: options.username ?? uniqueName(), passwordHash: await cheapHash, role: options.role ?? "user", isActive: options.isActive });
}

export function viewerOf(user: Pick<UserRecord, "id" | "role">): Viewer {
  return { userId: user.id, seesAll: user.role === "admin" || user.role === "moderator" };
}

export function profileInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: `Alice ${randomBytes(3).toString("hex")}`,
    birth_date: "1990-07-15",
    mother_name: "Maryam Karimi",
    gender: "female",
    country: "IR",
    city: "Shiraz",
    heart_rate_bpm: 72,
    timezone_offset_minutes: 210,
    latitude: 29.59,
    longitude: 52.58,
    ...overrides,
  };
}

export function makeProfile(repos: Repositories, owner: Pick<UserRecord, "id">, overrides: Partial<ProfileInput> = {}): Promise<Profile> {
  return repos.profiles.create(owner.id, profileInput(overrides));
}
