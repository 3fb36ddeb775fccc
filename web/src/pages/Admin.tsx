import { useState, type FormEvent } from "react";
import { api } from "../api/client";
import type { Role } from "../api/types";
import { ErrorMessage, Field, Loading, PageTitle } from "../components/ui";
import { useAsync } from "../components/useAsync";
import { useI18n } from "../i18n/i18n";

interface UserRow {
  id: string;
  username: string;
  role: Role;
  is_active: boolean;
  last_login_at: string | null;
  reading_count: number;
}
interface AuditRow {
  id: number;
  timestamp: string;
  action: string;
  actor_username: string | null;
  success: boolean;
  resource_type: string | null;
}

const ROLES: Role[] = ["admin", "moderator", "user", "readonly"];

function Users() {
  const { m, date, number } = useI18n();
  const users = useAsync(() => api<{ users: UserRow[]; total: number }>("/api/users", { query: { limit: 100 } }), []);
  const [error, setError] = useState<unknown>(null);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("user");
  const setUserRole = async (id: string, r: Role) => {
    try {
      await api(`/api/users/${id}/role`, { method: "PUT", body: { role: r } });
      users.reload();
    } catch (err) {
      setError(err);
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api("/api/auth/register", { method: "POST", body: { username, password, role } });
      setUsername("");
      setPassword("");
      users.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{m.admin.users}</h2>
      <ErrorMessage error={error ?? users.error} />
      <form className="card row" onSubmit={create} aria-label={m.admin.newUser}>
        <Field label={m.login.username} id="f-username" error={error}>
          <input id="f-username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field label={m.login.password} id="f-password" error={error}>
          <input id="f-password" type="password" autoComplete="new-password" required minLength={8} value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <Field label={m.admin.role} id="f-role" error={error}>
          <select id="f-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {m.admin.roles[r]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">{m.admin.createUser}</button>
      </form>
      {users.loading && !users.value ? <Loading /> : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{m.login.username}</th>
              <th scope="col">{m.admin.role}</th>
              <th scope="col">{m.admin.active}</th>
              <th scope="col">{m.admin.lastLogin}</th>
              <th scope="col">{m.history.title}</th>
            </tr>
          </thead>
          <tbody>
            {users.value?.users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <bdi>{u.username}</bdi>
                </th>
                <td>
                  <select aria-label={`${m.admin.role}: ${u.username}`} value={u.role} onChange={(e) => void setUserRole(u.id, e.target.value as Role)}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {m.admin.roles[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{u.is_active ? m.common.yes : m.common.no}</td>
                <td>{u.last_login_at ? date(u.last_login_at, true) : "—"}</td>
                <td>{number(u.reading_count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Audit() {
  const { m, date } = useI18n();
  const log = useAsync(() => api<{ entries: AuditRow[] }>("/api/admin/audit", { query: { limit: 50 } }), []);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{m.admin.audit}</h2>
      <ErrorMessage error={log.error} onRetry={log.reload} />
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{m.admin.when}</th>
              <th scope="col">{m.admin.action}</th>
              <th scope="col">{m.admin.actor}</th>
              <th scope="col">{m.admin.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {log.value?.entries.map((e) => (
              <tr key={e.id}>
                <td>{date(e.timestamp, true)}</td>
                <td dir="ltr">{e.action}</td>
                <td>
                  <bdi>{e.actor_username ?? "—"}</bdi>
                </td>
                <td className={e.success ? "ok" : "bad"}>{e.success ? m.admin.ok : m.admin.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Backups() {
  const { m } = useI18n();
  // The backups list arrives with the backup service: asked for only once the API document lists it.
  const list = useAsync(async () => {
    const doc = await api<{ paths: Record<string, unknown> }>("/openapi.json");
    if (!doc.paths["/api/admin/backups"]) return null;
    return api<{ backups: { filename: string; size_human?: string; timestamp?: string }[] }>("/api/admin/backups");
  }, []);
  return (
    <section aria-labelledby="backups-title">
      <h2 id="backups-title">{m.admin.backups}</h2>
      {list.value ? (
        <ul>
          {list.value.backups.map((b) => (
            <li key={b.filename} dir="ltr">
              {b.filename} {b.size_human ?? ""}
            </li>
          ))}
        </ul>
      ) : list.loading ? (
        <Loading />
      ) : (
        <p className="muted">{m.admin.noBackups}</p>
      )}
    </section>
  );
}

export function Admin() {
  const { m } = useI18n();
  return (
    <section>
      <PageTitle>{m.admin.title}</PageTitle>
      <Users />
      <Audit />
      <Backups />
    </section>
  );
}
