import { useParams } from "react-router";
import { api } from "../api/client";
import type { SharedReading as Shared } from "../api/types";
import { ErrorMessage, Loading, PageTitle } from "../components/ui";
import { useAsync } from "../components/useAsync";
import { typeName, useI18n } from "../i18n/i18n";
import { ReadingPanels } from "../reading/panels";

/** A shared link opened by anyone, signed in or not: only the parts its owner shared. */
export function SharedReading() {
  const { token = "" } = useParams();
  const { m, format, date } = useI18n();
  const shared = useAsync(() => api<Shared>(`/api/share/${encodeURIComponent(token)}`, { anonymous: true }), [token]);
  if (shared.loading && !shared.value) return <Loading />;
  if (!shared.value) return <ErrorMessage error={shared.error} onRetry={shared.reload} />;
  const { reading, view_count, expires_at } = shared.value;
  return (
    <article className="reading" lang={reading.locale} dir={reading.locale === "fa" ? "rtl" : "ltr"}>
      <PageTitle>
        {m.share.sharedTitle}: {typeName(m, reading.reading_type)}
      </PageTitle>
      <p className="muted">{format(m.share.sharedBy, { count: view_count, date: date(expires_at) })}</p>
      {reading.profiles?.length ? (
        <p>
          {reading.profiles.map((p) => (
            <bdi key={p.name}>{p.name} </bdi>
          ))}
        </p>
      ) : null}
      {reading.question ? (
        <p className="question-text">
          <bdi>{reading.question}</bdi>
        </p>
      ) : null}
      <ReadingPanels reading={{ reading_type: reading.reading_type, result: reading.result ?? {}, ai_interpretation: reading.ai_interpretation ?? null, created_at: reading.created_at }} />
    </article>
  );
}
