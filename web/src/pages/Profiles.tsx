import { useState, type FormEvent } from "react";
import { api } from "../api/client";
import type { Profile } from "../api/types";
import { LocationPicker, type Place } from "../components/LocationPicker";
import { ErrorMessage, Field, Loading, PageTitle } from "../components/ui";
import { useAsync } from "../components/useAsync";
import { useI18n } from "../i18n/i18n";

type Draft = Omit<Profile, "id" | "reading_count">;

const EMPTY: Draft = {
  name: "", name_persian: null, birth_date: "", mother_name: "", mother_name_persian: null, gender: null, country: null, city: null,
  heart_rate_bpm: null, timezone_offset_minutes: null, timezone: null, latitude: null, longitude: null,
};

function bodyOf(d: Draft, creating: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: d.name, name_persian: d.name_persian || null, birth_date: d.birth_date, mother_name: d.mother_name,
    mother_name_persian: d.mother_name_persian || null, gender: d.gender, country: d.country, city: d.city, heart_rate_bpm: d.heart_rate_bpm,
    timezone: d.timezone, latitude: d.latitude, longitude: d.longitude,
  };
  // The API derives the offset from the zone at the birth date; an offset of its own is only for a profile with no zone.
  if (!d.timezone && d.timezone_offset_minutes !== null) body.timezone_offset_minutes = d.timezone_offset_minutes;
  if (creating) for (const k of Object.keys(body)) if (body[k] === null) delete body[k];
  return body;
}

export function ProfileForm({ initial, onSaved, onCancel }: { initial?: Profile; onSaved: (p: Profile) => void; onCancel: () => void }) {
  const { m } = useI18n();
  const [draft, setDraft] = useState<Draft>(initial ?? EMPTY);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const saved = initial
        ? await api<Profile>(`/api/oracle/profiles/${initial.id}`, { method: "PATCH", body: bodyOf(draft, false) })
        : await api<Profile>("/api/oracle/profiles", { method: "POST", body: bodyOf(draft, true) });
      onSaved(saved);
    } catch (err) {
      setError(err);
    }
  };
  const place: Place = { country: draft.country, city: draft.city, latitude: draft.latitude, longitude: draft.longitude, timezone: draft.timezone ?? null };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">{initial ? m.profiles.editTitle : m.profiles.newTitle}</h2>
      <ErrorMessage error={error} />
      <div className="row">
        <Field label={m.profiles.name} id="f-name" error={error}>
          <input id="f-name" required minLength={2} maxLength={200} value={draft.name} onChange={(e) => set("name", e.target.value)} />
        </Field>
        <Field label={`${m.profiles.namePersian} (${m.common.optional})`} id="f-name_persian" error={error}>
          <input id="f-name_persian" dir="rtl" lang="fa" value={draft.name_persian ?? ""} onChange={(e) => set("name_persian", e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <Field label={m.profiles.birthDate} id="f-birth_date" error={error}>
          <input id="f-birth_date" type="date" required min="1900-01-01" value={draft.birth_date} onChange={(e) => set("birth_date", e.target.value)} />
        </Field>
        <Field label={m.profiles.gender} id="f-gender" error={error}>
          <select id="f-gender" value={draft.gender ?? ""} onChange={(e) => set("gender", (e.target.value || null) as Draft["gender"])}>
            <option value="">{m.profiles.unspecified}</option>
            <option value="female">{m.profiles.female}</option>
            <option value="male">{m.profiles.male}</option>
          </select>
        </Field>
      </div>
      <div className="row">
        <Field label={m.profiles.motherName} id="f-mother_name" error={error}>
          <input id="f-mother_name" required value={draft.mother_name} onChange={(e) => set("mother_name", e.target.value)} />
        </Field>
        <Field label={`${m.profiles.motherNamePersian} (${m.common.optional})`} id="f-mother_name_persian" error={error}>
          <input id="f-mother_name_persian" dir="rtl" lang="fa" value={draft.mother_name_persian ?? ""} onChange={(e) => set("mother_name_persian", e.target.value)} />
        </Field>
      </div>
      <Field label={`${m.profiles.heartRate} (${m.common.optional})`} id="f-heart_rate_bpm" error={error}>
        <input id="f-heart_rate_bpm" type="number" min={30} max={220} value={draft.heart_rate_bpm ?? ""} onChange={(e) => set("heart_rate_bpm", e.target.value === "" ? null : Number(e.target.value))} />
      </Field>
      <LocationPicker value={place} onChange={(p) => setDraft((d) => ({ ...d, ...p }))} />
      <div className="actions">
        <button type="submit" className="primary">
          {m.common.save}
        </button>
        <button type="button" onClick={onCancel}>
          {m.common.cancel}
        </button>
      </div>
    </form>
  );
}

export function Profiles() {
  const { m, format, date } = useI18n();
  const list = useAsync(() => api<{ profiles: Profile[] }>("/api/oracle/profiles", { query: { limit: 100 } }), []);
  const [editing, setEditing] = useState<Profile | "new" | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const remove = async (p: Profile) => {
    if (!window.confirm(m.common.confirmDelete)) return;
    try {
      await api(`/api/oracle/profiles/${p.id}`, { method: "DELETE" });
      setStatus(m.profiles.deleted);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <PageTitle>{m.profiles.title}</PageTitle>
      <p role="status">{status}</p>
      <ErrorMessage error={error ?? list.error} onRetry={list.reload} />
      {editing ? (
        <ProfileForm
          initial={editing === "new" ? undefined : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setStatus(m.profiles.created);
            list.reload();
          }}
        />
      ) : (
        <button type="button" className="primary" onClick={() => setEditing("new")}>
          {m.profiles.add}
        </button>
      )}
      {list.loading && !list.value ? <Loading /> : null}
      {list.value?.profiles.length === 0 ? <p>{m.profiles.empty}</p> : null}
      <ul className="cards">
        {list.value?.profiles.map((p) => (
          <li key={p.id} className="card profile">
            <h2>
              <bdi>{p.name}</bdi> {p.name_persian ? <bdi lang="fa">({p.name_persian})</bdi> : null}
            </h2>
            <p>
              {date(p.birth_date)} · {[p.city, p.country].filter(Boolean).join(", ")} {p.timezone ? <bdi dir="ltr">{p.timezone}</bdi> : null}
            </p>
            <p className="muted">{format(m.profiles.readings, { count: p.reading_count ?? 0 })}</p>
            <div className="actions">
              <button type="button" onClick={() => setEditing(p)}>
                {m.common.edit}
              </button>
              <button type="button" className="danger" onClick={() => void remove(p)}>
                {m.common.delete}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
