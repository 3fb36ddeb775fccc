import { useState } from "react";
import { api } from "../api/client";
import { useSession } from "../api/session";
import { READING_TYPES, SYSTEMS, type Settings as SettingsMap } from "../api/types";
import { ErrorMessage, Loading, PageTitle } from "../components/ui";
import { useAsync } from "../components/useAsync";
import { useI18n, type Locale } from "../i18n/i18n";
import { ChangePassword } from "./Login";

export function Settings() {
  const { m, setLocale } = useI18n();
  const session = useSession();
  const loaded = useAsync(() => api<{ settings: SettingsMap }>("/api/settings"), []);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = async (patch: SettingsMap) => {
    setError(null);
    setSaved(false);
    try {
      const answer = await api<{ settings: SettingsMap }>("/api/settings", { method: "PUT", body: patch });
      session.setSettings(answer.settings);
      if (patch.locale === "en" || patch.locale === "fa") setLocale(patch.locale as Locale);
      setSaved(true);
      loaded.reload();
    } catch (err) {
      setError(err);
    }
  };
  if (!loaded.value) return loaded.loading ? <Loading /> : <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  const s = loaded.value.settings;
  return (
    <section>
      <PageTitle>{m.settings.title}</PageTitle>
      <ErrorMessage error={error} />
      {saved ? <p role="status">{m.common.saved}</p> : null}
      <div className="card settings">
        <div className="field">
          <label htmlFor="s-locale">{m.settings.language}</label>
          <select id="s-locale" value={String(s.locale ?? "en")} onChange={(e) => void save({ locale: e.target.value, language: e.target.value })}>
            <option value="en">English</option>
            <option value="fa">فارسی</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="s-system">{m.settings.system}</label>
          <select id="s-system" value={String(s.numerology_system ?? "auto")} onChange={(e) => void save({ numerology_system: e.target.value })}>
            {SYSTEMS.map((x) => (
              <option key={x} value={x}>
                {m.reading.systems[x]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="s-type">{m.settings.readingType}</label>
          <select id="s-type" value={String(s.default_reading_type ?? "time")} onChange={(e) => void save({ default_reading_type: e.target.value })}>
            {READING_TYPES.map((x) => (
              <option key={x} value={x}>
                {m.reading.types[x]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="s-theme">{m.settings.theme}</label>
          <select id="s-theme" value={String(s.theme ?? "auto")} onChange={(e) => void save({ theme: e.target.value })}>
            {(["auto", "light", "dark"] as const).map((x) => (
              <option key={x} value={x}>
                {m.settings.themes[x]}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={s.auto_daily === true} onChange={(e) => void save({ auto_daily: e.target.checked })} /> {m.settings.daily}
        </label>
        <div className="field">
          <label htmlFor="s-time">{m.settings.dailyTime}</label>
          <input id="s-time" type="time" defaultValue={String(s.daily_delivery_time ?? "08:00").slice(0, 5)} onBlur={(e) => void save({ daily_delivery_time: e.target.value })} />
        </div>
        <label className="check">
          <input type="checkbox" checked={s.notifications_enabled === true} onChange={(e) => void save({ notifications_enabled: e.target.checked })} /> {m.settings.notifications}
        </label>
      </div>
      <ChangePassword />
    </section>
  );
}
