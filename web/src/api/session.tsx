import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { api, loadTokens, onTokens, saveTokens, type Tokens } from "./client";
import type { Me, Settings } from "./types";
import { useI18n } from "../i18n/i18n";

/** Who is signed in (null: nobody), their settings, and the sign-in and sign-out steps. */
export interface Session {
  readonly me: Me | null;
  /** The account's settings, read at sign-in and kept current by the settings page. */
  readonly settings: Settings;
  setSettings(settings: Settings): void;
  readonly ready: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  reload(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [settings, setSettings] = useState<Settings>({});
  const [ready, setReady] = useState(false);
  const { setLocale, locale } = useI18n();

  const reload = useCallback(async () => {
    if (!loadTokens()) {
      setMe(null);
      setReady(true);
      return;
    }
    try {
      const who = await api<Me>("/api/auth/me");
      setMe(who);
      // The account's language wins over the device's, once it has chosen one.
      const { settings } = await api<{ settings: Settings }>("/api/settings");
      setSettings(settings);
      const lang = settings.locale ?? settings.language;
      if ((lang === "en" || lang === "fa") && lang !== locale) setLocale(lang);
    } catch {
      setMe(null);
    } finally {
      setReady(true);
    }
    // The locale is read once per reload, not a reason to reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [setLocale]);

  useEffect(() => {
    void reload();
    return onTokens((t) => {
      if (t === null) setMe(null);
    });
  }, [reload]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const tokens = await api<Tokens>("/api/auth/login", { method: "POST", body: { username, password }, anonymous: true });
      saveTokens(tokens);
      await reload();
    },
    [reload],
  );

  const signOut = useCallback(async () => {
    try {
      await api("/api/auth/logout", { method: "POST" });
    } catch {
      // Signing out locally is what matters; the token expires on its own.
    }
    saveTokens(null);
    setMe(null);
  }, []);

  return <SessionContext.Provider value={{ me, ready, settings, setSettings, signIn, signOut, reload }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
