import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, cachedApi } from "../api/client";
import { useSession } from "../api/session";
import { progressSocket, type ProgressEvent } from "../api/progress";
import { CATEGORIES, READING_TYPES, SYSTEMS, type Profile, type Reading, type ReadingType } from "../api/types";
import { ErrorMessage, Field, PageTitle } from "../components/ui";
import { useAsync } from "../components/useAsync";
import { useI18n } from "../i18n/i18n";

const NEEDS_PROFILE: readonly ReadingType[] = ["time", "daily", "multi", "chart"];

/** Every reading type from one form; while it computes, the /ws events show each step. */
export function NewReading() {
  const { m, locale, number } = useI18n();
  const navigate = useNavigate();
  const { settings } = useSession();
  const data = useAsync(() => cachedApi<{ profiles: Profile[] }>("/api/oracle/profiles", { query: { limit: 100 } }), []);
  const profiles = data.value?.profiles ?? [];
  const [type, setType] = useState<ReadingType | null>(null);
  const chosenType = type ?? ((settings.default_reading_type as ReadingType) || "time");
  const [profileId, setProfileId] = useState("");
  const [multi, setMulti] = useState<string[]>([]);
  const [date, setDate] = useState("");
  const [time, setTime] = useState("");
  const [name, setName] = useState("");
  const [question, setQuestion] = useState("");
  const [category, setCategory] = useState("");
  const [stamp, setStamp] = useState("");
  const [system, setSystem] = useState<string | null>(null);
  const [includeAi, setIncludeAi] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [step, setStep] = useState<ProgressEvent["data"] | null>(null);

  const chosenSystem = system ?? (typeof settings.numerology_system === "string" ? settings.numerology_system : "auto");
  const profile = profileId || profiles[0]?.id || "";

  const body = (): Record<string, unknown> => {
    const common = { locale, ...(date ? { date } : {}), ...(time ? { time } : {}) };
    const told = { ...common, numerology_system: chosenSystem, include_ai: includeAi };
    switch (chosenType) {
      case "time":
        return { reading_type: "time", profile_id: profile, ...told };
      case "daily":
        return { reading_type: "daily", profile_id: profile, ...told };
      case "name":
        return { reading_type: "name", name, ...(profile ? { profile_id: profile } : {}), ...told };
      case "question":
        return { reading_type: "question", question, ...(category ? { category } : {}), ...(profile ? { profile_id: profile } : {}), ...told };
      case "multi":
        return { reading_type: "multi", profile_ids: multi, ...told };
      case "timing":
        return { reading_type: "timing", ...common, timezone_offset_minutes: -new Date().getTimezoneOffset() };
      case "stamp":
        return { reading_type: "stamp", stamp, locale };
      case "chart":
        return { profile_id: profile, ...common };
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setStep({ step: "calculating", progress: 5 });
    const close = await progressSocket((ev) => {
      if (ev.event === "reading_progress" || ev.event === "reading_started") setStep(ev.data);
      if (ev.event === "reading_complete") setStep({ step: "done", progress: 100 });
    });
    try {
      // The complete chart has its own route; it is stored as a reading like the others.
      const path = chosenType === "chart" ? "/api/oracle/chart" : "/api/oracle/readings";
      const reading = await api<Reading>(path, { method: "POST", body: body() });
      navigate(`/readings/${reading.id}`);
    } catch (err) {
      setError(err);
      setStep(null);
    } finally {
      close();
    }
  };

  const stepNames = m.reading.steps as Record<string, string>;
  const needsProfile = NEEDS_PROFILE.includes(chosenType) && profiles.length === 0 && !data.loading;
  return (
    <section>
      <PageTitle>{m.reading.title}</PageTitle>
      <ErrorMessage error={error ?? data.error} onRetry={data.error ? data.reload : undefined} />
      <form className="card" onSubmit={submit}>
        <fieldset className="types">
          <legend>{m.reading.type}</legend>
          {READING_TYPES.map((t) => (
            <label key={t} className={`type-choice${t === chosenType ? " chosen" : ""}`}>
              <input type="radio" name="reading_type" value={t} checked={t === chosenType} onChange={() => setType(t)} />
              <span className="type-name">{m.reading.types[t]}</span>
              <span className="type-help">{m.reading.typeHelp[t]}</span>
            </label>
          ))}
        </fieldset>
        {needsProfile ? <p className="notice">{m.reading.needProfile}</p> : null}
        {["time", "daily", "name", "question", "chart"].includes(chosenType) && profiles.length > 0 ? (
          <Field label={m.reading.profile} id="f-profile_id" error={error}>
            <select id="f-profile_id" value={profile} onChange={(e) => setProfileId(e.target.value)}>
              {chosenType === "name" || chosenType === "question" ? <option value="">{m.common.none}</option> : null}
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {chosenType === "multi" ? (
          <fieldset>
            <legend>{m.reading.profiles}</legend>
            {profiles.map((p) => (
              <label key={p.id} className="check">
                <input
                  type="checkbox"
                  checked={multi.includes(p.id)}
                  onChange={(e) => setMulti((ids) => (e.target.checked ? [...ids, p.id].slice(0, 5) : ids.filter((x) => x !== p.id)))}
                />{" "}
                <bdi>{p.name}</bdi>
              </label>
            ))}
          </fieldset>
        ) : null}
        {chosenType === "name" ? (
          <Field label={m.reading.name} id="f-name" error={error}>
            <input id="f-name" required value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
        ) : null}
        {chosenType === "question" ? (
          <>
            <Field label={m.reading.question} id="f-question" error={error}>
              <textarea id="f-question" required maxLength={500} value={question} onChange={(e) => setQuestion(e.target.value)} />
            </Field>
            <Field label={m.reading.category} id="f-category" error={error}>
              <select id="f-category" value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{m.reading.autoCategory}</option>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {m.reading.categories[c]}
                  </option>
                ))}
              </select>
            </Field>
          </>
        ) : null}
        {chosenType === "stamp" ? (
          <Field label={m.reading.stamp} id="f-stamp" error={error}>
            <input id="f-stamp" dir="ltr" required value={stamp} onChange={(e) => setStamp(e.target.value)} placeholder="VE-OX-OXFI ☀OX-RUWU-RAWU" />
          </Field>
        ) : (
          <div className="row">
            <Field label={`${m.reading.date} (${m.common.optional})`} id="f-date" error={error}>
              <input id="f-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </Field>
            {chosenType !== "daily" ? (
              <Field label={`${m.reading.time} (${m.common.optional})`} id="f-time" error={error}>
                <input id="f-time" type="time" step={1} value={time} onChange={(e) => setTime(e.target.value)} />
              </Field>
            ) : null}
          </div>
        )}
        {chosenType !== "timing" && chosenType !== "stamp" && chosenType !== "chart" ? (
          <>
            <Field label={m.reading.system} id="f-numerology_system" error={error}>
              <select id="f-numerology_system" value={chosenSystem} onChange={(e) => setSystem(e.target.value)}>
                {SYSTEMS.map((s) => (
                  <option key={s} value={s}>
                    {m.reading.systems[s]}
                  </option>
                ))}
              </select>
            </Field>
            <label className="check">
              <input type="checkbox" checked={includeAi} onChange={(e) => setIncludeAi(e.target.checked)} /> {m.reading.includeAi}
            </label>
          </>
        ) : null}
        <button type="submit" className="primary" disabled={step !== null || needsProfile}>
          {m.reading.submit}
        </button>
        {step ? (
          <div className="progress" role="status" aria-live="polite">
            <progress max={100} value={step.progress ?? 0} aria-label={m.reading.progress} />
            <span>
              {stepNames[step.step ?? ""] ?? m.reading.progress} · {number((step.progress ?? 0) / 100, { style: "percent" })}
            </span>
          </div>
        ) : null}
      </form>
    </section>
  );
}
