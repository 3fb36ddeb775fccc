/**
 * The bot's side of the API's bot routes (/api/telegram/bot/...), by its service credential. The
 * bot never holds a user's password or token: a chat is linked with a one-time code, and the API
 * acts for the linked account with that account's own reach.
 */

export type Lang = "en" | "fa";

export interface Preferences {
  readonly chat_id: number;
  readonly daily_enabled: boolean;
  readonly delivery_time: string;
  readonly timezone_offset_minutes: number;
  readonly profile_id: string | null;
  readonly last_delivered_date: string | null;
}

export type ChatStatus =
  | { readonly linked: false; readonly chat_id: number }
  | {
      readonly linked: true;
      readonly chat_id: number;
      readonly user_id: string;
      readonly username: string;
      readonly role: string;
      readonly locale: Lang;
      readonly profile_count: number;
      readonly reading_count: number;
      readonly preferences: Preferences;
    };

export interface ProfileItem {
  readonly id: string;
  readonly name: string;
  readonly name_persian: string | null;
  readonly birth_date: string;
}

export interface Reading {
  readonly id: string;
  readonly reading_type: string;
  readonly sign_value: string | null;
  readonly result: Record<string, unknown>;
  readonly confidence_score: number | null;
  readonly created_at: string;
}

export interface ReadingSummary {
  readonly id: string;
  readonly reading_type: string;
  readonly sign_value: string | null;
  readonly preview: string | null;
  readonly created_at: string;
}

export interface PendingDelivery {
  readonly chat_id: number;
  readonly local_date: string;
  readonly delivery_time: string;
}

export interface PlatformFigures {
  readonly linked_chats: number;
  readonly users: number;
  readonly profiles: number;
  readonly readings_total: number;
  readonly readings_today: number;
  readonly last_reading_at: string | null;
}

export interface UserItem {
  readonly username: string;
  readonly role: string;
  readonly is_active: boolean;
  readonly reading_count: number;
}

/** The API answered with an error (status 4xx/5xx), or could not be reached (status 0). */
export class ApiCallError extends Error {
  override readonly name = "ApiCallError";
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export interface BotApiClientOptions {
  /** The API's base, ending in /api (TELEGRAM_BOT_API_URL). */
  readonly baseUrl: string;
  readonly serviceKey: string;
  readonly timeoutMs?: number;
}

export class BotApiClient {
  private readonly base: string;

  constructor(private readonly options: BotApiClientOptions) {
    this.base = `${options.baseUrl.replace(/\/+$/, "")}/telegram/bot`;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.options.serviceKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new ApiCallError(0, `the API did not answer: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      throw new ApiCallError(res.status, `the API answered ${res.status} with no JSON`);
    }
    if (!res.ok) {
      const error = (json as { error?: { message?: string; fields?: Record<string, string> } } | undefined)?.error;
      throw new ApiCallError(res.status, error?.message ?? `the API answered ${res.status}`, error?.fields ?? {});
    }
    return json as T;
  }

  link(code: string, chatId: number, telegramUsername: string | null): Promise<{ username: string; role: string }> {
    return this.call("POST", "/link", { code, chat_id: chatId, telegram_username: telegramUsername });
  }

  chat(chatId: number): Promise<ChatStatus> {
    return this.call("GET", `/chats/${chatId}`);
  }

  unlink(chatId: number): Promise<void> {
    return this.call("DELETE", `/chats/${chatId}`);
  }

  setPreferences(chatId: number, patch: Partial<Pick<Preferences, "daily_enabled" | "delivery_time" | "timezone_offset_minutes">>): Promise<Preferences> {
    return this.call("PUT", `/chats/${chatId}/preferences`, patch);
  }

  setLocale(chatId: number, locale: Lang): Promise<{ locale: Lang }> {
    return this.call("PUT", `/chats/${chatId}/locale`, { locale });
  }

  async profiles(chatId: number): Promise<ProfileItem[]> {
    return (await this.call<{ profiles: ProfileItem[] }>("GET", `/chats/${chatId}/profiles`)).profiles;
  }

  reading(chatId: number, body: Record<string, unknown>): Promise<Reading> {
    return this.call("POST", `/chats/${chatId}/readings`, body);
  }

  chart(chatId: number, body: Record<string, unknown>): Promise<Reading> {
    return this.call("POST", `/chats/${chatId}/chart`, body);
  }

  history(chatId: number, offset: number, limit: number): Promise<{ readings: ReadingSummary[]; total: number }> {
    return this.call("GET", `/chats/${chatId}/readings?offset=${offset}&limit=${limit}`);
  }

  dailyReading(chatId: number, date?: string): Promise<{ date: string; profile: { id: string; name: string }; reading: Reading }> {
    return this.call("POST", "/daily/reading", { chat_id: chatId, ...(date ? { date } : {}) });
  }

  async pending(): Promise<PendingDelivery[]> {
    return (await this.call<{ deliveries: PendingDelivery[] }>("GET", "/daily/pending")).deliveries;
  }

  /** true when this sender holds the delivery; false when another one does (409). */
  async claim(chatId: number, date: string): Promise<boolean> {
    try {
      await this.call("POST", "/daily/claim", { chat_id: chatId, date });
      return true;
    } catch (err) {
      if (err instanceof ApiCallError && err.status === 409) return false;
      throw err;
    }
  }

  async release(chatId: number, date: string): Promise<void> {
    try {
      await this.call("POST", "/daily/release", { chat_id: chatId, date });
    } catch (err) {
      if (!(err instanceof ApiCallError && err.status === 409)) throw err;
    }
  }

  stats(chatId: number): Promise<PlatformFigures> {
    return this.call("GET", `/chats/${chatId}/stats`);
  }

  users(chatId: number, offset: number, limit: number): Promise<{ total: number; users: UserItem[] }> {
    return this.call("GET", `/chats/${chatId}/users?offset=${offset}&limit=${limit}`);
  }

  async broadcast(chatId: number, text: string): Promise<number[]> {
    return (await this.call<{ chat_ids: number[] }>("POST", `/chats/${chatId}/broadcast`, { text })).chat_ids;
  }
}
