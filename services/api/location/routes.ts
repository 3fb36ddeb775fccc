import { z } from "zod";
import { offsetMinutesAt, offsetMinutesAtLocal } from "../../lib/time-zone";
import { notFound } from "../http/errors";
import type { ApiRouter, RouteModule } from "../http/route-kit";
import { dateField, timeField, timeZoneField } from "../oracle/fields";
import { countryByCode, findCities, findCountries, nearestCity } from "./places";

/**
 * /api/location: places and time zones for the profile form's picker, from offline data (see
 * places.ts). Answers are the same for everyone and change only with the packages, so each is
 * cached for a day.
 */

const READ = { scopes: ["oracle:read"] } as const;
const DAY = { ttlSeconds: 86_400 };
const queryText = z.string().max(100, "at most 100 characters");

const CountrySchema = z
  .object({
    code: z.string(),
    name: z.string().meta({ description: "In the language asked for" }),
    name_en: z.string(),
    name_fa: z.string(),
    timezone: z.string().nullable(),
    timezones: z.array(z.string()),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  })
  .meta({ id: "Country" });

const CitySchema = z
  .object({
    name: z.string(),
    province: z.string(),
    country_code: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    timezone: z.string(),
    population: z.number().int(),
  })
  .meta({ id: "City" });

const countryCode = z.object({ country_code: z.string().regex(/^[A-Za-z]{2}$/, "expected a two-letter country code") });
const coordinate = (min: number, max: number) => z.coerce.number({ message: "expected a number" }).min(min).max(max);

export const locationRoutes: RouteModule = {
  base: "/api/location",
  tag: "location",
  register(r: ApiRouter) {
    r.route({
      method: "get",
      path: "/countries",
      summary: "Countries whose English or Persian name starts with q (or has a word that does)",
      auth: READ,
      query: z.object({ q: queryText.default(""), lang: z.enum(["en", "fa"], { message: "one of en, fa" }).default("en") }),
      response: z.object({ countries: z.array(CountrySchema) }),
      cache: DAY,
      handler: async ({ query }) => ({
        countries: findCountries(query.q, query.lang).map((c) => ({ ...c, timezones: [...c.timezones], name: query.lang === "fa" ? c.name_fa : c.name_en })),
      }),
    });

    r.route({
      method: "get",
      path: "/countries/:country_code/cities",
      summary: "A country's cities whose name starts with q, largest first, with coordinates and time zone",
      auth: READ,
      params: countryCode,
      query: z.object({ q: queryText.default(""), limit: z.coerce.number({ message: "expected a number" }).int().min(1, "from 1 to 200").max(200, "from 1 to 200").default(50) }),
      response: z.object({ country: CountrySchema, cities: z.array(CitySchema) }),
      cache: DAY,
      handler: async ({ params, query }) => {
        const country = countryByCode(params.country_code);
        if (!country) throw notFound("country");
        return { country: { ...country, timezones: [...country.timezones], name: country.name_en }, cities: findCities(country.code, query.q, query.limit) };
      },
    });

    r.route({
      method: "get",
      path: "/nearest",
      summary: "The listed city nearest to a point, with its time zone (for coordinates typed by hand)",
      auth: READ,
      query: z.object({ latitude: coordinate(-90, 90), longitude: coordinate(-180, 180) }),
      response: z.object({ city: CitySchema, distance_km: z.number() }),
      cache: DAY,
      handler: async ({ query }) => nearestCity(query.latitude, query.longitude),
    });

    r.route({
      method: "get",
      path: "/timezone",
      summary: "A time zone's offset at a moment: now, or a local date (and time) on its own clock",
      auth: READ,
      query: z.object({ zone: timeZoneField, date: dateField.optional(), time: timeField.optional() }),
      response: z.object({ timezone: z.string(), offset_minutes: z.number().int(), date: z.string().nullable() }),
      handler: async ({ query }) => {
        if (query.date === undefined) return { timezone: query.zone, offset_minutes: offsetMinutesAt(query.zone, new Date()), date: null };
        const [year, month, day] = query.date.split("-").map(Number) as [number, number, number];
        const [hour, minute] = (query.time ?? "12:00").split(":").map(Number) as [number, number];
        return { timezone: query.zone, offset_minutes: offsetMinutesAtLocal(query.zone, { year, month, day, hour, minute }), date: query.date };
      },
    });
  },
};
