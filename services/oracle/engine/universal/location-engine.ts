/** Coordinates as an element (by latitude band), hemisphere polarities and an estimated UTC offset. */
import { InvalidInputError } from "../../../lib/errors";
import type { LocationSignature } from "../result-types";
import { roundHalfEven } from "../core/py-math";

/** [upper bound of |latitude| (inclusive), element], equator to pole. */
export const LATITUDE_ZONES: ReadonlyArray<readonly [number, string]> = [
  [15, "Fire"],
  [30, "Earth"],
  [45, "Metal"],
  [60, "Water"],
  [90, "Wood"],
];

export function latitudeElement(lat: number): string {
  const abs = Math.abs(lat);
  for (const [bound, element] of LATITUDE_ZONES) if (abs <= bound) return element;
  return "Wood";
}

export function hemispherePolarity(lat: number, lon: number): Pick<LocationSignature, "lat_hemisphere" | "lon_hemisphere" | "lat_polarity" | "lon_polarity"> {
  const north = lat >= 0;
  const east = lon >= 0;
  return {
    lat_hemisphere: north ? "N" : "S",
    lon_hemisphere: east ? "E" : "W",
    lat_polarity: north ? "Yang" : "Yin",
    lon_polarity: east ? "Yang" : "Yin",
  };
}

/** Whole hours from longitude (15 degrees an hour), half-way cases to the even hour. */
export function timezoneEstimate(lon: number): number {
  return roundHalfEven(lon / 15);
}

/** Latitude must lie in [-90, 90] and longitude in [-180, 180]. */
export function checkCoordinates(lat: number, lon: number): void {
  if (typeof lat !== "number" || !(lat >= -90 && lat <= 90)) throw new InvalidInputError("latitude", `must be from -90 to 90, got ${lat}`);
  if (typeof lon !== "number" || !(lon >= -180 && lon <= 180)) throw new InvalidInputError("longitude", `must be from -180 to 180, got ${lon}`);
}

export function locationSignature(lat: number, lon: number): LocationSignature {
  checkCoordinates(lat, lon);
  // Extends the polarity object in place: a spread copy would cost more than the rest together.
  const sig = hemispherePolarity(lat, lon) as LocationSignature;
  sig.latitude = lat;
  sig.longitude = lon;
  sig.element = latitudeElement(lat);
  sig.timezone_estimate = timezoneEstimate(lon);
  return sig;
}
