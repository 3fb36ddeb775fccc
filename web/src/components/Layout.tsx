import { NavLink, Outlet } from "react-router";
import { useSession } from "../api/session";
import { useI18n, type Locale } from "../i18n/i18n";
import { api } from "../api/client";

export function LanguageSwitch() {
  const { m, locale, setLocale } = useI18n();
  const { me, setSettings } = useSession();
  const choose = (l: Locale) => {
    setLocale(l);
    // Kept in the account's settings, so the bot and the API speak it too.
    if (me)
      void api<{ settings: Record<string, string | boolean | null> }>("/api/settings", { method: "PUT", body: { locale: l, language: l } }).then(
        (r) => setSettings(r.settings),
        () => undefined,
      );
  };
  return (
    <div className="lang" role="group" aria-label={m.language}>
      <button type="button" lang="en" aria-pressed={locale === "en"} onClick={() => choose("en")}>
        English
      </button>
      <button type="button" lang="fa" aria-pressed={locale === "fa"} onClick={() => choose("fa")}>
        فارسی
      </button>
    </div>
  );
}

export function Layout() {
  const { m } = useI18n();
  const { me, signOut } = useSession();
  const isAdmin = me?.role === "admin" || me?.role === "moderator";
  return (
    <>
      <a className="skip" href="#main">
        {m.skipToContent}
      </a>
      <header className="top">
        <NavLink to="/" className="brand">
          <span aria-hidden="true">☾</span> {m.appName}
        </NavLink>
        {me ? (
          <nav aria-label={m.nav.menu}>
            <NavLink to="/">{m.nav.readings}</NavLink>
            <NavLink to="/history">{m.nav.history}</NavLink>
            <NavLink to="/profiles">{m.nav.profiles}</NavLink>
            <NavLink to="/settings">{m.nav.settings}</NavLink>
            <NavLink to="/telegram">{m.nav.telegram}</NavLink>
            {isAdmin ? <NavLink to="/admin">{m.nav.admin}</NavLink> : null}
            <button type="button" className="link" onClick={() => void signOut()}>
              {m.nav.signOut}
            </button>
          </nav>
        ) : null}
        <LanguageSwitch />
      </header>
      <main id="main">
        <Outlet />
      </main>
    </>
  );
}
