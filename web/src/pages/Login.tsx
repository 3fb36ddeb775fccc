import { useState, type FormEvent } from "react";
import { ApiError } from "../api/errors";
import { api, saveTokens, type Tokens } from "../api/client";
import { useSession } from "../api/session";
import { ErrorMessage, Field, PageTitle } from "../components/ui";
import { useI18n } from "../i18n/i18n";

export function Login() {
  const { m } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card narrow">
      <PageTitle>{m.login.title}</PageTitle>
      <p>{m.login.intro}</p>
      {error instanceof ApiError && error.status === 401 ? (
        <p className="error" role="alert">
          {m.login.wrong}
        </p>
      ) : (
        <ErrorMessage error={error} />
      )}
      <form onSubmit={submit}>
        <Field label={m.login.username} id="f-username" error={error}>
          <input id="f-username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field label={m.login.password} id="f-password" error={error}>
          <input id="f-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {m.login.submit}
        </button>
      </form>
    </section>
  );
}

export function ChangePassword({ forced }: { forced?: boolean }) {
  const { m } = useI18n();
  const { reload } = useSession();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (next !== repeat) {
      setError(new ApiError(400, "mismatch", m.changePassword.mismatch, { new_password: m.changePassword.mismatch }));
      return;
    }
    try {
      const tokens = await api<Tokens>("/api/auth/change-password", { method: "POST", body: { current_password: current, new_password: next } });
      saveTokens(tokens);
      setDone(true);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card narrow">
      <PageTitle>{m.changePassword.title}</PageTitle>
      {forced ? <p className="notice">{m.changePassword.forced}</p> : null}
      {done ? <p role="status">{m.changePassword.done}</p> : null}
      <ErrorMessage error={error} />
      <form onSubmit={submit}>
        <Field label={m.changePassword.current} id="f-current_password" error={error}>
          <input id="f-current_password" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field label={m.changePassword.next} id="f-new_password" error={error} hint={m.changePassword.hint}>
          <input id="f-new_password" type="password" autoComplete="new-password" required minLength={8} value={next} onChange={(e) => setNext(e.target.value)} aria-describedby="f-new_password-hint" />
        </Field>
        <Field label={m.changePassword.repeat} id="f-repeat" error={error}>
          <input id="f-repeat" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </Field>
        <button type="submit" className="primary">
          {m.changePassword.submit}
        </button>
      </form>
    </section>
  );
}
