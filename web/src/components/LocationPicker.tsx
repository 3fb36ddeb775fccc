import { useEffect, useId, useState } from "react";
import { api } from "../api/client";
import type { City, Country } from "../api/types";
import { useI18n } from "../i18n/i18n";

export interface Place {
  country: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  timezone: string | null;
}

/**
 * Country, then city, each searched by prefix on the API's offline data; picking a city fills in
 * its coordinates and time zone. Coordinates typed by hand get the zone of the nearest listed city.
 */
export function LocationPicker({ value, onChange }: { value: Place; onChange: (p: Place) => void }) {
  const { m, locale, format, number } = useI18n();
  const base = useId();
  const [countryQuery, setCountryQuery] = useState(value.country ?? "");
  const [countries, setCountries] = useState<Country[]>([]);
  const [country, setCountry] = useState<Country | null>(null);
  const [cityQuery, setCityQuery] = useState(value.city ?? "");
  const [cities, setCities] = useState<City[]>([]);
  const [manual, setManual] = useState(false);
  const [nearest, setNearest] = useState<string | null>(null);

  useEffect(() => {
    if (country && (countryQuery === country.name || countryQuery === country.code)) return;
    const t = setTimeout(() => {
      api<{ countries: Country[] }>("/api/location/countries", { query: { q: countryQuery, lang: locale } }).then(
        (r) => setCountries(r.countries.slice(0, 30)),
        () => setCountries([]),
      );
    }, 150);
    return () => clearTimeout(t);
  }, [countryQuery, locale, country]);

  useEffect(() => {
    if (!country) return;
    const t = setTimeout(() => {
      api<{ cities: City[] }>(`/api/location/countries/${country.code}/cities`, { query: { q: cityQuery, limit: 30 } }).then(
        (r) => setCities(r.cities),
        () => setCities([]),
      );
    }, 150);
    return () => clearTimeout(t);
  }, [country, cityQuery]);

  const pickCountry = (code: string) => {
    const c = countries.find((x) => x.code === code);
    if (!c) return;
    setCountry(c);
    setCountryQuery(c.name);
    setCityQuery("");
    onChange({ ...value, country: c.code, city: null, timezone: c.timezone, latitude: c.latitude, longitude: c.longitude });
  };

  const pickCity = (name: string) => {
    const c = cities.find((x) => x.name === name);
    if (!c) return;
    onChange({ ...value, city: c.name, latitude: c.latitude, longitude: c.longitude, timezone: c.timezone });
  };

  const findZone = async () => {
    if (value.latitude === null || value.longitude === null) return;
    const r = await api<{ city: City; distance_km: number }>("/api/location/nearest", { query: { latitude: value.latitude, longitude: value.longitude } });
    setNearest(format(m.location.nearest, { city: r.city.name, km: number(r.distance_km) }));
    onChange({ ...value, timezone: r.city.timezone, country: value.country ?? r.city.country_code });
  };

  return (
    <fieldset className="location">
      <legend>{m.location.title}</legend>
      <div className="field">
        <label htmlFor={`${base}-country`}>{m.location.country}</label>
        <input
          id={`${base}-country`}
          list={`${base}-countries`}
          value={countryQuery}
          autoComplete="off"
          aria-describedby={`${base}-country-hint`}
          onChange={(e) => {
            const text = e.target.value;
            setCountryQuery(text);
            const exact = countries.find((c) => c.name === text || c.name_en === text || c.name_fa === text);
            if (exact) pickCountry(exact.code);
          }}
        />
        <datalist id={`${base}-countries`}>
          {countries.map((c) => (
            <option key={c.code} value={c.name}>
              {c.code}
            </option>
          ))}
        </datalist>
        <small id={`${base}-country-hint`} className="hint">
          {m.location.countryHint}
        </small>
      </div>
      <div className="field">
        <label htmlFor={`${base}-city`}>{m.location.city}</label>
        <input
          id={`${base}-city`}
          list={`${base}-cities`}
          value={cityQuery}
          disabled={!country}
          autoComplete="off"
          aria-describedby={`${base}-city-hint`}
          onChange={(e) => {
            setCityQuery(e.target.value);
            if (cities.some((c) => c.name === e.target.value)) pickCity(e.target.value);
          }}
        />
        <datalist id={`${base}-cities`}>
          {cities.map((c) => (
            <option key={`${c.name}-${c.province}`} value={c.name}>
              {c.province}
            </option>
          ))}
        </datalist>
        <small id={`${base}-city-hint`} className="hint">
          {m.location.cityHint}
        </small>
      </div>
      <label className="check">
        <input type="checkbox" checked={manual} onChange={(e) => setManual(e.target.checked)} /> {m.location.byCoordinates}
      </label>
      <div className="row">
        <div className="field">
          <label htmlFor={`${base}-lat`}>{m.location.latitude}</label>
          <input
            id={`${base}-lat`}
            type="number"
            step="any"
            min={-90}
            max={90}
            readOnly={!manual}
            value={value.latitude ?? ""}
            onChange={(e) => onChange({ ...value, latitude: e.target.value === "" ? null : Number(e.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${base}-lng`}>{m.location.longitude}</label>
          <input
            id={`${base}-lng`}
            type="number"
            step="any"
            min={-180}
            max={180}
            readOnly={!manual}
            value={value.longitude ?? ""}
            onChange={(e) => onChange({ ...value, longitude: e.target.value === "" ? null : Number(e.target.value) })}
          />
        </div>
      </div>
      {manual ? (
        <button type="button" onClick={() => void findZone()}>
          {m.location.findZone}
        </button>
      ) : null}
      {nearest ? <p className="hint">{nearest}</p> : null}
      <div className="field">
        <label htmlFor={`${base}-tz`}>{m.location.timezone}</label>
        <input id={`${base}-tz`} dir="ltr" value={value.timezone ?? ""} onChange={(e) => onChange({ ...value, timezone: e.target.value || null })} placeholder="Asia/Tehran" />
      </div>
    </fieldset>
  );
}
