import type { Queryable } from "../database";
import { clampPage, isUuid, orderBy, Params, toPage, type Page, type PageRequest, type SortOrder } from "../paging";
import { changeNotices } from "./change-notices";

/**
 * Accounts. Password hashes come in already hashed (services/lib/crypto/passwords.ts); the
 * record returned carries the hash, so strip it before answering a client.
 *
 *   create({ username, passwordHash, role })        ConflictError("username") when taken
 *   findById(id) / findByUsername(name)             usernames compare case-insensitively
 *   list({ role, isActive, search, sortBy, sortOrder, limit, offset })   with reading counts
 *   update(id, { username, isActive, role })        null when there is no such account
 *   setPassword(id, hash)                           also clears a lockout
 *   recordFailedLogin(id, policy) / recordSuccessfulLogin(id) / unlock(id)
 *   countActiveAdmins(), stats()
 */

export const ROLES = ["admin", "moderator", "user", "readonly"] as const;
export type Role = (typeof ROLES)[number];

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly isActive: boolean;
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
  readonly lastLoginAt: Date | null;
  readonly passwordChangedAt: Date;
  /** Set for an account whose password was generated for it (the first administrator): it must choose its own. */
  readonly passwordChangeRequired: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface UserListItem extends UserRecord {
  readonly readingCount: number;
}

export interface NewUser {
  readonly username: string;
  readonly passwordHash: string;
  readonly role?: Role;
  readonly isActive?: boolean;
  readonly passwordChangeRequired?: boolean;
}

export interface UserPatch {
  readonly username?: string;
  readonly isActive?: boolean;
  readonly role?: Role;
}

export interface UserListQuery extends PageRequest {
  readonly role?: Role;
  readonly isActive?: boolean;
  /** Substring of the username. */
  readonly search?: string;
  readonly sortBy?: "username" | "role" | "created_at" | "last_login_at" | "is_active";
  readonly sortOrder?: SortOrder;
}

export interface LockoutPolicy {
  /** Failures in a row that lock the account (5). */
  readonly maxAttempts: number;
  /** How long the lock lasts (15 minutes). */
  readonly lockSeconds: number;
}

export interface LoginFailure {
  readonly failedAttempts: number;
  /** Set when this failure locked the account (or it was locked already). */
  readonly lockedUntil: Date | null;
}

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  is_active: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Date;
  password_change_required: boolean;
  created_at: Date;
  updated_at: Date;
}

export const USER_COLUMNS = "id, username, password_hash, role, is_active, failed_attempts, locked_until, last_login_at, password_changed_at, password_change_required, created_at, updated_at";

export function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    isActive: row.is_active,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    passwordChangedAt: row.password_changed_at,
    passwordChangeRequired: row.password_change_required,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const SORTS = { username: "u.username", role: "u.role", created_at: "u.created_at", last_login_at: "u.last_login_at", is_active: "u.is_active" } as const;

const accountChanges = changeNotices();

/**
 * Told the id of every account whose role, state, name or password this process changes (through
 * any repository instance), so an in-process cache of accounts can drop it at once. Returns the
 * unsubscribe function.
 */
export const onAccountChange = accountChanges.listen;

const accountChanged = accountChanges.tell;

export class UsersRepository {
  constructor(private readonly q: Queryable) {}

  async create(user: NewUser): Promise<UserRecord> {
    const { rows } = await this.q.query<UserRow>(
      `INSERT INTO users (username, password_hash, role, is_active, password_change_required) VALUES ($1, $2, $3, $4, $5) RETURNING ${USER_COLUMNS}`,
      [user.username, user.passwordHash, user.role ?? "user", user.isActive ?? true, user.passwordChangeRequired ?? false],
    );
    return toUser(rows[0]!);
  }

  async findById(id: string): Promise<UserRecord | null> {
    if (!isUuid(id)) return null;
    const { rows } = await this.q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    const { rows } = await this.q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [username]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async list(query: UserListQuery = {}): Promise<Page<UserListItem>> {
    const page = clampPage(query);
    const p = new Params();
    const where: string[] = [];
    if (query.role !== undefined) where.push(`u.role = ${p.add(query.role)}`);
    if (query.isActive !== undefined) where.push(`u.is_active = ${p.add(query.isActive)}`);
    if (query.search) where.push(`strpos(lower(u.username::text), lower(${p.add(query.search)})) > 0`);
    const filter = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const sort = orderBy(SORTS, query.sortBy, "created_at", query.sortOrder);
    const filterValues = [...p.values];
    const { rows } = await this.q.query<UserRow & { reading_count: number; total_count: number }>(
      `SELECT ${USER_COLUMNS.split(", ").map((c) => `u.${c}`).join(", ")},
              (SELECT count(*) FROM oracle_readings r WHERE r.owner_id = u.id AND r.deleted_at IS NULL) AS reading_count,
              count(*) OVER () AS total_count
         FROM users u ${filter}
        ORDER BY ${sort}, u.id
        LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
      p.values,
    );
    return toPage(rows, (r) => ({ ...toUser(r), readingCount: r.reading_count }), page, async () => {
      const c = await this.q.query<{ n: number }>(`SELECT count(*) AS n FROM users u ${filter}`, filterValues);
      return c.rows[0]!.n;
    });
  }

  async update(id: string, patch: UserPatch): Promise<UserRecord | null> {
    if (!isUuid(id)) return null;
    const p = new Params();
    const sets: string[] = [];
    if (patch.username !== undefined) sets.push(`username = ${p.add(patch.username)}`);
    if (patch.isActive !== undefined) sets.push(`is_active = ${p.add(patch.isActive)}`);
    if (patch.role !== undefined) sets.push(`role = ${p.add(patch.role)}`);
    if (sets.length === 0) return this.findById(id);
    const { rows } = await this.q.query<UserRow>(`UPDATE users SET ${sets.join(", ")} WHERE id = ${p.add(id)} RETURNING ${USER_COLUMNS}`, p.values);
    accountChanged(id);
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** Stores a new hash and clears failed attempts and any lock. */
  async setPassword(id: string, passwordHash: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const { rowCount } = await this.q.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), password_change_required = false, failed_attempts = 0, locked_until = NULL WHERE id = $1`,
      [id, passwordHash],
    );
    accountChanged(id);
    return rowCount === 1;
  }

  /**
   * Counts a failed login atomically and locks the account when the count reaches the limit.
   * A lock that has run out starts the count again.
   */
  async recordFailedLogin(id: string, policy: LockoutPolicy): Promise<LoginFailure | null> {
    if (!isUuid(id)) return null;
    const { rows } = await this.q.query<{ failed_attempts: number; locked_until: Date | null }>(
      `UPDATE users u
          SET failed_attempts = n.attempts,
              locked_until = CASE WHEN n.attempts >= $2 THEN now() + make_interval(secs => $3) ELSE NULL END
         FROM (SELECT id,
                      CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_attempts + 1 END AS attempts
                 FROM users WHERE id = $1 FOR UPDATE) n
        WHERE u.id = n.id
        RETURNING u.failed_attempts, u.locked_until`,
      [id, policy.maxAttempts, policy.lockSeconds],
    );
    const row = rows[0];
    return row ? { failedAttempts: row.failed_attempts, lockedUntil: row.locked_until } : null;
  }

  async recordSuccessfulLogin(id: string): Promise<void> {
    if (!isUuid(id)) return;
    await this.q.query(`UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`, [id]);
  }

  async unlock(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const { rowCount } = await this.q.query(`UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1`, [id]);
    return rowCount === 1;
  }

  async countActiveAdmins(): Promise<number> {
    const { rows } = await this.q.query<{ n: number }>(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND is_active`);
    return rows[0]!.n;
  }

  async stats(): Promise<{ total: number; active: number; inactive: number; byRole: Record<Role, number> }> {
    const { rows } = await this.q.query<{ role: Role; total: number; active: number }>(
      `SELECT role, count(*) AS total, count(*) FILTER (WHERE is_active) AS active FROM users GROUP BY role`,
    );
    const byRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
    let total = 0;
    let active = 0;
    for (const row of rows) {
      byRole[row.role] = row.total;
      total += row.total;
      active += row.active;
    }
    return { total, active, inactive: total - active, byRole };
  }
}
