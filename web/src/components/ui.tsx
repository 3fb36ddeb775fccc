import { useEffect, useRef, type ReactNode } from "react";
import { ApiError, describeError } from "../api/errors";
import { useI18n } from "../i18n/i18n";

/** A failure, said plainly, with a way to try again; announced to screen readers. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m, format } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [error]);
  if (!error) return null;
  return (
    <div className="error" role="alert" tabIndex={-1} ref={ref}>
      <p>{describeError(error, m, format)}</p>
      {error instanceof ApiError && Object.keys(error.fields).length > 0 ? (
        <ul>
          {Object.entries(error.fields).map(([f, why]) => (
            <li key={f}>
              <code>{f}</code>: {why}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {m.common.retry}
        </button>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { m } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {m.common.loading}
    </p>
  );
}

/** A labelled form field; the API's complaint about it (by field name) shows beneath it. */
export function Field({ label, id, error, hint, children }: { label: string; id: string; error?: unknown; hint?: string; children: ReactNode }) {
  const field = id.replace(/^f-/, "");
  const problem = error instanceof ApiError ? error.fields[field] : undefined;
  return (
    <div className={`field${problem ? " field-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {problem ? (
        <small id={`${id}-error`} className="field-problem" role="alert">
          {problem}
        </small>
      ) : null}
    </div>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Moving focus to the new page's heading tells screen-reader users the page changed.
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
