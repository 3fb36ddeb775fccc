import type { Queryable } from "../database";
import { isUuid, Params } from "../paging";
import type { Role } from "./users";

/**
 * Telegram: chats linked to accounts, the one-time codes that link them, and each chat's daily
 * delivery preferences. Codes are stored as SHA-256 hashes (services/lib/crypto/tokens.ts).
 *
 *   createLinkCode(userId, codeHash, expiresAt)
 *   consumeLinkCode(codeHash, chatId, telegramUsername)   links the chat (moving it from any
 *       earlier account) and spends the code, atomically; null for an unknown, used or expired code
 *   findLink(chatId)            the active link with its account, or null
 *   linksForUser(userId) / activeChatIds() / unlink(chatId, { userId }) / touch(chatId)
 *   getPreferences(chatId) / setPreferences(chatId, patch)     upsert; the chat must be linked
 *   pendingDeliveries(now)      chats whose local delivery time has come and that have not had today's reading
 *   markDelivered(chatId, date)
 *   claimDelivery(chatId, date) / releaseDelivery(chatId, date)
 *       one sender (of any number of bot replicas) takes a chat's delivery for a date before it
 *       sends; a failed send gives it back so the next round tries again
 */

export interface TelegramLink {
  readonly chatId: number;
  readonly userId: string;
  readonly telegramUsername: string | null;
  readonly isActive: boolean;
  readonly linkedAt: Date;
  readonly lastActiveAt: Date | null;
}

export interface LinkedAccount extends TelegramLink {
  readonly username: string;
  readonly role: Role;
}

export interface DailyPreferences {
  readonly chatId: number;
  readonly dailyEnabled: boolean;
  /** "HH:MM" */
  readonly deliveryTime: string;
  readonly timezoneOffsetMinutes: number;
  readonly profileId: string | null;
  readonly lastDeliveredDate: string | null;
}

export interface DailyPreferencesPatch {
  readonly dailyEnabled?: boolean;
  readonly deliveryTime?: string;
  readonly timezoneOffsetMinutes?: number;
  readonly profileId?: string | null;
}

export interface PendingDelivery {
  readonly chatId: number;
  readonly userId: string;
  readonly profileId: string | null;
  readonly deliveryTime: string;
  readonly timezoneOffsetMinutes: number;
  /** The chat's local date the delivery is for (YYYY-MM-DD). */
  readonly localDate: string;
}

interface LinkRow {
  chat_id: number;
  user_id: string;
  telegram_username: string | null;
  is_active: boolean;
  linked_at: Date;
  last_active_at: Date | null;
}

interface PrefsRow {
  chat_id: number;
  daily_enabled: boolean;
  delivery_time: string;
  timezone_offset_minutes: number;
  profile_id: string | null;
  last_delivered_date: string | null;
}

const LINK = "l.chat_id, l.user_id, l.telegram_username, l.is_active, l.linked_at, l.last_active_at";
const PREFS = "p.chat_id, p.daily_enabled, to_char(p.delivery_time, 'HH24:MI') AS delivery_time, p.timezone_offset_minutes, p.profile_id, p.last_delivered_date";

const toLink = (r: LinkRow): TelegramLink => ({
  chatId: r.chat_id,
  userId: r.user_id,
  telegramUsername: r.telegram_username,
  isActive: r.is_active,
  linkedAt: r.linked_at,
  lastActiveAt: r.last_active_at,
});

const toPrefs = (r: PrefsRow): DailyPreferences => ({
  chatId: r.chat_id,
  dailyEnabled: r.daily_enabled,
  deliveryTime: r.delivery_time,
  timezoneOffsetMinutes: r.timezone_offset_minutes,
  profileId: r.profile_id,
  lastDeliveredDate: r.last_delivered_date,
});

export class TelegramRepository {
  constructor(private readonly q: Queryable) {}

  async createLinkCode(userId: string, codeHash: Buffer, expiresAt: Date): Promise<void> {
    await this.q.query(`INSERT INTO telegram_link_codes (code_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [codeHash, userId, expiresAt]);
  }

  async consumeLinkCode(codeHash: Buffer, chatId: number, telegramUsername: string | null): Promise<TelegramLink | null> {
    const { rows } = await this.q.query<LinkRow>(
      `WITH code AS (
         UPDATE telegram_link_codes c SET used_at = now(), used_by_chat_id = $2
          WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > now()
            AND EXISTS (SELECT 1 FROM users u WHERE u.id = c.user_id AND u.is_active)
          RETURNING c.user_id)
       INSERT INTO telegram_links AS l (chat_id, user_id, telegram_username)
       SELECT $2, user_id, $3 FROM code
       ON CONFLICT (chat_id) DO UPDATE
          SET user_id = EXCLUDED.user_id, telegram_username = EXCLUDED.telegram_username, is_active = true, linked_at = now()
       RETURNING ${LINK}`,
      [codeHash, chatId, telegramUsername],
    );
    return rows[0] ? toLink(rows[0]) : null;
  }

  async findLink(chatId: number): Promise<LinkedAccount | null> {
    const { rows } = await this.q.query<LinkRow & { username: string; role: Role }>(
      `SELECT ${LINK}, u.username, u.role FROM telegram_links l JOIN users u ON u.id = l.user_id
        WHERE l.chat_id = $1 AND l.is_active AND u.is_active`,
      [chatId],
    );
    const row = rows[0];
    return row ? { ...toLink(row), username: row.username, role: row.role } : null;
  }

  async linksForUser(userId: string): Promise<TelegramLink[]> {
    if (!isUuid(userId)) return [];
    const { rows } = await this.q.query<LinkRow>(`SELECT ${LINK} FROM telegram_links l WHERE l.user_id = $1 AND l.is_active ORDER BY l.linked_at DESC`, [userId]);
    return rows.map(toLink);
  }

  async activeChatIds(): Promise<number[]> {
    const { rows } = await this.q.query<{ chat_id: number }>(
      `SELECT l.chat_id FROM telegram_links l JOIN users u ON u.id = l.user_id WHERE l.is_active AND u.is_active ORDER BY l.chat_id`,
    );
    return rows.map((r) => r.chat_id);
  }

  /** Deactivates a link; with userId, only that account's. True when a live link was ended. */
  async unlink(chatId: number, options: { userId?: string } = {}): Promise<boolean> {
    const p = new Params();
    const owner = options.userId === undefined ? "" : isUuid(options.userId) ? `AND user_id = ${p.add(options.userId)}` : "AND FALSE";
    const { rowCount } = await this.q.query(`UPDATE telegram_links SET is_active = false WHERE chat_id = ${p.add(chatId)} AND is_active ${owner}`, p.values);
    return rowCount === 1;
  }

  async touch(chatId: number): Promise<void> {
    await this.q.query(`UPDATE telegram_links SET last_active_at = now() WHERE chat_id = $1`, [chatId]);
  }

  async getPreferences(chatId: number): Promise<DailyPreferences | null> {
    const { rows } = await this.q.query<PrefsRow>(`SELECT ${PREFS} FROM telegram_daily_preferences p WHERE p.chat_id = $1`, [chatId]);
    return rows[0] ? toPrefs(rows[0]) : null;
  }

  async setPreferences(chatId: number, patch: DailyPreferencesPatch): Promise<DailyPreferences> {
    const { rows } = await this.q.query<PrefsRow>(
      `INSERT INTO telegram_daily_preferences AS p (chat_id, daily_enabled, delivery_time, timezone_offset_minutes, profile_id)
       VALUES ($1, coalesce($2, false), coalesce($3::time, '08:00'), coalesce($4, 0), $5)
       ON CONFLICT (chat_id) DO UPDATE SET
         daily_enabled = coalesce($2, p.daily_enabled),
         delivery_time = coalesce($3::time, p.delivery_time),
         timezone_offset_minutes = coalesce($4, p.timezone_offset_minutes),
         profile_id = CASE WHEN $6 THEN $5 ELSE p.profile_id END
       RETURNING ${PREFS}`,
      [
        chatId,
        patch.dailyEnabled ?? null,
        patch.deliveryTime ?? null,
        patch.timezoneOffsetMinutes ?? null,
        patch.profileId ?? null,
        patch.profileId !== undefined,
      ],
    );
    return toPrefs(rows[0]!);
  }

  async pendingDeliveries(now: Date = new Date()): Promise<PendingDelivery[]> {
    const { rows } = await this.q.query<PrefsRow & { user_id: string; local_date: string }>(
      `SELECT ${PREFS}, l.user_id, t.local_date
         FROM telegram_daily_preferences p
         JOIN telegram_links l ON l.chat_id = p.chat_id AND l.is_active
         JOIN users u ON u.id = l.user_id AND u.is_active
         CROSS JOIN LATERAL (SELECT ($1::timestamptz AT TIME ZONE 'UTC') + make_interval(mins => p.timezone_offset_minutes) AS local_at) a
         CROSS JOIN LATERAL (SELECT a.local_at::date AS local_date) t
        WHERE p.daily_enabled
          AND a.local_at::time >= p.delivery_time
          AND (p.last_delivered_date IS NULL OR p.last_delivered_date < t.local_date)
        ORDER BY p.chat_id`,
      [now],
    );
    return rows.map((r) => ({
      chatId: r.chat_id,
      userId: r.user_id,
      profileId: r.profile_id,
      deliveryTime: r.delivery_time,
      timezoneOffsetMinutes: r.timezone_offset_minutes,
      localDate: r.local_date,
    }));
  }

  async markDelivered(chatId: number, date: string): Promise<boolean> {
    const { rowCount } = await this.q.query(`UPDATE telegram_daily_preferences SET last_delivered_date = $2 WHERE chat_id = $1`, [chatId, date]);
    return rowCount === 1;
  }

  /**
   * Takes the chat's delivery for a date: true for exactly one caller however many race (the
   * row lock makes the second re-check and fail), and the chat stops being pending for that date.
   */
  async claimDelivery(chatId: number, date: string): Promise<boolean> {
    const { rowCount } = await this.q.query(
      `UPDATE telegram_daily_preferences SET last_delivered_date = $2
        WHERE chat_id = $1 AND daily_enabled AND (last_delivered_date IS NULL OR last_delivered_date < $2)`,
      [chatId, date],
    );
    return rowCount === 1;
  }

  /** Gives a claimed delivery back (the send failed); only while the claim for that date stands. */
  async releaseDelivery(chatId: number, date: string): Promise<boolean> {
    const { rowCount } = await this.q.query(
      `UPDATE telegram_daily_preferences SET last_delivered_date = $2::date - 1 WHERE chat_id = $1 AND last_delivered_date = $2`,
      [chatId, date],
    );
    return rowCount === 1;
  }
}
