/** Reference-case bindings of the universal tier. */
import * as ganzhi from "../universal/ganzhi-engine";
import * as location from "../universal/location-engine";
import * as moon from "../universal/moon-engine";
import type { ModuleRegistration } from "./registry";

export const UNIVERSAL_REGISTRATIONS: readonly ModuleRegistration[] = [
  {
    module: "universal.moon_engine",
    engine: "MoonEngine",
    exports: moon,
    methods: {
      moon_age: ["jdn"],
      moon_phase: ["jdn"],
      moon_illumination: ["age"],
      moon_energy: ["phase_name"],
      full_moon_info: ["jdn"],
    },
  },
  {
    module: "universal.ganzhi_engine",
    engine: "GanzhiEngine",
    exports: ganzhi,
    methods: {
      year_ganzhi: ["year"],
      year_ganzhi_tokens: ["year"],
      day_ganzhi: ["jdn"],
      day_ganzhi_tokens: ["jdn"],
      hour_ganzhi: ["hour", "day_stem_idx"],
      hour_ganzhi_tokens: ["hour", "day_stem_idx"],
      full_year_info: ["year"],
      full_day_info: ["jdn"],
    },
  },
  {
    module: "universal.location_engine",
    engine: "LocationEngine",
    exports: location,
    methods: {
      latitude_element: ["lat"],
      hemisphere_polarity: ["lat", "lon"],
      timezone_estimate: ["lon"],
      location_signature: ["lat", "lon"],
    },
  },
];
