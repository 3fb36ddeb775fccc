import { useState } from "react";
import { Link } from "react-router";
import { api } from "../api/client";
import { READING_TYPES, type Page, type ReadingSummary } from "../api/types";
import { ErrorMessage, Loading, PageTitle } from "../components/ui";
import { useAsync } from "../components/useAsync";
import { typeName, useI18n } from "../i18n/i18n";
import { toCsv } from "./csv";

const PAGE_SIZE = 5;

export function History() {
  const { m, format, date, number } = useI18n();
  const [search, setSearch] = useState("");
  const [applied, setApplied] = useState("");
  const [type, setType] = useState("");
  const [favorites, setFavorites] = useState(false);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [page, setPage] = useState(0);
  const query = { search: applied, reading_type: type, is_favorite: favorites ? "true" : undefined, date_from: from, date_to: to };
  const list = useAsync(() => api<Page<ReadingSummary>>("/api/oracle/readings", { query: { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE } }), [applied, type, favorites, from, to, page]);
  const pages = Math.max(1, Math.ceil((list.value?.total ?? 0) / PAGE_SIZE));

  const exportCsv = async () => {
    const all: ReadingSummary[] = [];
    for (let offset = 0; ; offset += 100) {
      const p = await api<Page<ReadingSummary>>("/api/oracle/readings", { query: { ...query, limit: 100, offset } });
      all.push(...p.readings);
      if (all.length >= p.total || p.readings.length === 0) break;
    }
    const url = URL.createObjectURL(new Blob([toCsv(all)], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "nps-readings.csv";
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section>
      <PageTitle>{m.history.title}</PageTitle>
      <form
        className="card filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(0);
          setApplied(search);
        }}
      >
        <div className="field">
          <label htmlFor="h-search">{m.history.search}</label>
          <input id="h-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="h-type">{m.history.type}</label>
          <select id="h-type" value={type} onChange={(e) => (setPage(0), setType(e.target.value))}>
            <option value="">{m.history.all}</option>
            {READING_TYPES.map((t) => (
              <option key={t} value={t}>
                {m.reading.types[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="h-from">{m.history.from}</label>
          <input id="h-from" type="date" value={from} onChange={(e) => (setPage(0), setFrom(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor="h-to">{m.history.to}</label>
          <input id="h-to" type="date" value={to} onChange={(e) => (setPage(0), setTo(e.target.value))} />
        </div>
        <label className="check">
          <input type="checkbox" checked={favorites} onChange={(e) => (setPage(0), setFavorites(e.target.checked))} /> {m.history.favorites}
        </label>
        <button type="submit" className="primary">
          {m.history.search}
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          {m.history.exportCsv}
        </button>
      </form>
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.loading && !list.value ? <Loading /> : null}
      {list.value ? <p role="status">{format(m.history.total, { count: list.value.total })}</p> : null}
      {list.value?.readings.length === 0 ? <p>{m.history.empty}</p> : null}
      <ul className="history">
        {list.value?.readings.map((r) => (
          <li key={r.id} className="card">
            <Link to={`/readings/${r.id}`}>
              <strong>{typeName(m, r.reading_type)}</strong> · {date(r.created_at, true)} {r.is_favorite ? <span aria-label={m.view.favorite}>★</span> : null}
            </Link>
            {r.sign_value && r.reading_type !== "time" ? (
              <p className="muted" dir="auto">
                <bdi>{r.sign_value}</bdi>
              </p>
            ) : null}
            {r.question ? (
              <p>
                <bdi>{r.question}</bdi>
              </p>
            ) : null}
            {r.preview ? <p className="muted preview">{r.preview}</p> : null}
            {r.confidence_score !== null ? <span className="badge">{number(r.confidence_score / 100, { style: "percent" })}</span> : null}
          </li>
        ))}
      </ul>
      <nav className="pager" aria-label={m.history.title}>
        <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          {m.common.previous}
        </button>
        <span>{format(m.history.page, { page: page + 1, pages })}</span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
          {m.common.next}
        </button>
      </nav>
    </section>
  );
}
