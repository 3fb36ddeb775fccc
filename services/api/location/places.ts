import { cityMapping } from "city-timezones";
import * as ct from "countries-and-timezones";
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import fa from "i18n-iso-countries/langs/fa.json";

/**
 * Countries, cities, coordinates and IANA time zones from offline data packages: country names in
 * English and Persian (i18n-iso-countries, from CLDR), about 7,300 cities with coordinates and
 * their zone (city-timezones), and each country's zones (countries-and-timezones). Nothing here
 * leaves the machine; the index is built once, on first use.
 */

countries.registerLocale(en);
countries.registerLocale(fa);

export interface Country {
  readonly code: string;
  readonly name_en: string;
  readonly name_fa: string;
  /** The zone of the country's largest listed city, else its first listed zone. */
  readonly timezone: string | null;
  readonly timezones: readonly string[];
  /** Coordinates of the largest listed city, to start a map or a form from. */
  readonly latitude: number | null;
  readonly longitude: number | null;
}

export interface City {
  readonly name: string;
  readonly province: string;
  readonly country_code: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly timezone: string;
  readonly population: number;
}

/** Lower case, no accents, one spelling of the Arabic-script letters Persian writes differently. */
export function searchKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u064b-\u0652\u0670]/g, "")
    .replace(/[يى]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/[ة]/g, "ه")
    .replace(/[أإآ]/g, "ا")
    .replace(/[\u200c\u200d]/g, " ")
    .toLowerCase()
    .trim();
}

/** True when `query` (already a search key) starts the text or one of its words. */
function startsAWord(key: string, query: string): boolean {
  if (query === "") return true;
  if (key.startsWith(query)) return true;
  return key.split(/[\s\-'’()]+/).some((w) => w.startsWith(query));
}

interface Indexed<T> {
  readonly item: T;
  readonly keys: readonly string[];
}

class PlaceIndex {
  readonly countries: readonly Indexed<Country>[];
  readonly citiesByCountry: ReadonlyMap<string, readonly Indexed<City>[]>;
  readonly allCities: readonly City[];

  constructor() {
    const byCountry = new Map<string, Indexed<City>[]>();
    const all: City[] = [];
    for (const c of cityMapping) {
      if (!c.iso2 || !c.timezone) continue;
      const city: City = {
        name: c.city,
        province: c.province ?? "",
        country_code: c.iso2,
        latitude: c.lat,
        longitude: c.lng,
        timezone: c.timezone,
        population: Math.round(c.pop ?? 0),
      };
      all.push(city);
      const list = byCountry.get(c.iso2) ?? [];
      list.push({ item: city, keys: [...new Set([searchKey(c.city), searchKey(c.city_ascii ?? c.city)])] });
      byCountry.set(c.iso2, list);
    }
    for (const list of byCountry.values()) list.sort((a, b) => b.item.population - a.item.population || a.item.name.localeCompare(b.item.name));
    this.citiesByCountry = byCountry;
    this.allCities = all;

    const names = countries.getNames("en", { select: "official" });
    this.countries = Object.entries(names)
      .map(([code, nameEn]) => {
        const largest = byCountry.get(code)?.[0]?.item;
        const zones = ct.getCountry(code)?.timezones ?? [];
        const country: Country = {
          code,
          name_en: nameEn,
          name_fa: countries.getName(code, "fa") ?? nameEn,
          timezone: largest?.timezone ?? zones[0] ?? null,
          timezones: zones,
          latitude: largest?.latitude ?? null,
          longitude: largest?.longitude ?? null,
        };
        return { item: country, keys: [searchKey(nameEn), searchKey(country.name_fa), code.toLowerCase()] };
      })
      .sort((a, b) => a.item.name_en.localeCompare(b.item.name_en));
  }
}

let index: PlaceIndex | undefined;
const places = (): PlaceIndex => (index ??= new PlaceIndex());

/** Countries whose English or Persian name (or code) starts with `query`, ordered by name in `lang`. */
export function findCountries(query = "", lang: "en" | "fa" = "en"): Country[] {
  const q = searchKey(query);
  const found = places().countries.filter((c) => c.keys.some((k) => startsAWord(k, q))).map((c) => c.item);
  return lang === "fa" ? found.sort((a, b) => a.name_fa.localeCompare(b.name_fa, "fa")) : found;
}

export function countryByCode(code: string): Country | undefined {
  return places().countries.find((c) => c.item.code === code.toUpperCase())?.item;
}

/** A country's cities whose name starts with `query` (or has a word that does), largest first. */
export function findCities(countryCode: string, query = "", limit = 50): City[] {
  const q = searchKey(query);
  const list = places().citiesByCountry.get(countryCode.toUpperCase()) ?? [];
  const out: City[] = [];
  for (const c of list) {
    if (c.keys.some((k) => startsAWord(k, q))) out.push(c.item);
    if (out.length >= limit) break;
  }
  return out;
}

const EARTH_RADIUS_KM = 6371;

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The listed city nearest to a point (great-circle distance): it gives coordinates typed by hand a zone. */
export function nearestCity(latitude: number, longitude: number): { city: City; distance_km: number } {
  let best = places().allCities[0]!;
  let bestKm = Infinity;
  for (const c of places().allCities) {
    const km = distanceKm(latitude, longitude, c.latitude, c.longitude);
    if (km < bestKm) {
      best = c;
      bestKm = km;
    }
  }
  return { city: best, distance_km: Math.round(bestKm * 10) / 10 };
}
