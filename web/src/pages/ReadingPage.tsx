import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { api } from "../api/client";
import type { Reading, ShareLink } from "../api/types";
import { ErrorMessage, Field, Loading, PageTitle } from "../components/ui";
import { useAsync } from "../components/useAsync";
import { typeName, useI18n } from "../i18n/i18n";
import { ReadingPanels } from "../reading/panels";

const PARTS = ["result", "interpretation", "question", "profile"] as const;

function ShareBox({ reading }: { reading: Reading }) {
  const { m } = useI18n();
  const [days, setDays] = useState(7);
  const [parts, setParts] = useState<string[]>(["result", "interpretation"]);
  const [link, setLink] = useState<ShareLink | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setLink(await api<ShareLink>("/api/share", { method: "POST", body: { reading_id: reading.id, expires_in_days: days, parts } }));
    } catch (err) {
      setError(err);
    }
  };
  const url = link ? new URL(link.url, location.origin).toString() : "";
  return (
    <form className="card share" onSubmit={submit} aria-labelledby="share-title">
      <h2 id="share-title">{m.share.title}</h2>
      <ErrorMessage error={error} />
      <Field label={m.share.expires} id="f-expires_in_days" error={error}>
        <input id="f-expires_in_days" type="number" min={1} max={365} value={days} onChange={(e) => setDays(Number(e.target.value))} />
      </Field>
      <fieldset>
        <legend>{m.share.parts}</legend>
        {PARTS.map((p) => (
          <label key={p} className="check">
            <input type="checkbox" checked={parts.includes(p)} onChange={(e) => setParts((xs) => (e.target.checked ? [...xs, p] : xs.filter((x) => x !== p)))} /> {m.share.partNames[p]}
          </label>
        ))}
      </fieldset>
      <button type="submit">{m.share.create}</button>
      {link ? (
        <div className="field">
          <label htmlFor="share-url">{m.share.link}</label>
          <input id="share-url" dir="ltr" readOnly value={url} onFocus={(e) => e.target.select()} />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard?.writeText(url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? m.common.copied : m.common.copy}
          </button>
        </div>
      ) : null}
    </form>
  );
}

function Feedback({ reading }: { reading: Reading }) {
  const { m, format, number } = useI18n();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState("");
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`/api/oracle/readings/${reading.id}/feedback`, { method: "POST", body: { rating, text_feedback: text || null } });
      setSent(true);
    } catch (err) {
      setError(err);
    }
  };
  if (sent) return <p role="status" className="card">{m.view.thanks}</p>;
  return (
    <form className="card feedback" onSubmit={submit} aria-labelledby="feedback-title">
      <h2 id="feedback-title">{m.view.feedback}</h2>
      <ErrorMessage error={error} />
      <fieldset className="stars">
        <legend>{m.view.rating}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} title={format(m.view.stars, { n })}>
            <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} required />
            <span aria-hidden="true">{n <= rating ? "★" : "☆"}</span>
            <span className="sr-only">{format(m.view.stars, { n })}</span>
          </label>
        ))}
        <span className="muted">{rating ? number(rating) : ""}</span>
      </fieldset>
      <Field label={m.view.comment} id="f-text_feedback" error={error}>
        <textarea id="f-text_feedback" maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <button type="submit" disabled={rating === 0}>
        {m.view.sendFeedback}
      </button>
    </form>
  );
}

export function ReadingPage() {
  const { id = "" } = useParams();
  const { m, date } = useI18n();
  const navigate = useNavigate();
  const loaded = useAsync(() => api<Reading>(`/api/oracle/readings/${id}`), [id]);
  const [favorite, setFavorite] = useState<boolean | null>(null);
  const [sharing, setSharing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (loaded.loading && !loaded.value) return <Loading />;
  if (!loaded.value) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  const reading = loaded.value;
  const fav = favorite ?? reading.is_favorite;
  const toggle = async () => {
    try {
      const r = await api<{ is_favorite: boolean }>(`/api/oracle/readings/${reading.id}/favorite`, { method: "PUT", body: { is_favorite: !fav } });
      setFavorite(r.is_favorite);
    } catch (err) {
      setError(err);
    }
  };
  const remove = async () => {
    if (!window.confirm(m.common.confirmDelete)) return;
    try {
      await api(`/api/oracle/readings/${reading.id}`, { method: "DELETE" });
      navigate("/history");
    } catch (err) {
      setError(err);
    }
  };
  return (
    <article className="reading" lang={reading.locale} dir={reading.locale === "fa" ? "rtl" : "ltr"}>
      <PageTitle>
        {typeName(m, reading.reading_type)} · {date(reading.created_at, true)}
      </PageTitle>
      {reading.sign_value ? (
        <p className="muted" dir="ltr">
          {reading.sign_value}
        </p>
      ) : null}
      <div className="actions no-print">
        <button type="button" aria-pressed={fav} onClick={() => void toggle()}>
          {fav ? `★ ${m.view.unfavorite}` : `☆ ${m.view.favorite}`}
        </button>
        <button type="button" onClick={() => setSharing((s) => !s)} aria-expanded={sharing}>
          {m.view.share}
        </button>
        <button type="button" onClick={() => window.print()}>
          {m.view.exportPdf}
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          {m.view.delete}
        </button>
      </div>
      <ErrorMessage error={error} />
      {sharing ? <ShareBox reading={reading} /> : null}
      <ReadingPanels reading={reading} />
      <div className="no-print">
        <Feedback reading={reading} />
      </div>
    </article>
  );
}
