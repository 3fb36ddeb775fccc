import { useState } from "react";
import { api } from "../api/client";
import { ErrorMessage, Loading, PageTitle } from "../components/ui";
import { useAsync } from "../components/useAsync";
import { useI18n } from "../i18n/i18n";

interface Status {
  linked: boolean;
  chats: { chat_id: number; telegram_username: string | null; linked_at: string; preferences: { daily_enabled: boolean; delivery_time: string } }[];
}

export function Telegram() {
  const { m, format, date } = useI18n();
  const status = useAsync(() => api<Status>("/api/telegram/status"), []);
  const [code, setCode] = useState<{ code: string; command: string; expires_at: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const getCode = async () => {
    setError(null);
    try {
      setCode(await api("/api/telegram/link-code", { method: "POST" }));
    } catch (err) {
      setError(err);
    }
  };
  const unlink = async (chat: number) => {
    try {
      await api(`/api/telegram/links/${chat}`, { method: "DELETE" });
      status.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <PageTitle>{m.telegram.title}</PageTitle>
      <p>{m.telegram.intro}</p>
      <ErrorMessage error={error ?? status.error} onRetry={status.error ? status.reload : undefined} />
      <div className="card">
        <button type="button" className="primary" onClick={() => void getCode()}>
          {m.telegram.getCode}
        </button>
        {code ? (
          <div role="status">
            <p>{m.telegram.code}</p>
            <p className="code" dir="ltr">
              <code>{code.command}</code>
            </p>
            <p className="muted">{format(m.telegram.expires, { time: date(code.expires_at, true) })}</p>
          </div>
        ) : null}
      </div>
      <h2>{m.telegram.linked}</h2>
      {status.loading && !status.value ? <Loading /> : null}
      {status.value && status.value.chats.length === 0 ? <p>{m.telegram.none}</p> : null}
      <ul className="cards">
        {status.value?.chats.map((c) => (
          <li key={c.chat_id} className="card">
            <strong dir="ltr">{c.telegram_username ? `@${c.telegram_username}` : c.chat_id}</strong> · {date(c.linked_at)}
            <p>
              {m.telegram.daily}: {c.preferences.daily_enabled ? `${m.common.yes}, ${m.telegram.at} ${c.preferences.delivery_time}` : m.common.no}
            </p>
            <button type="button" className="danger" onClick={() => void unlink(c.chat_id)}>
              {m.telegram.unlink}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
