/** Reference-case bindings of the core tier. */
import * as base60 from "../core/base60-codec";
import * as checksum from "../core/checksum-validator";
import * as stamp from "../core/fc60-stamp-engine";
import * as julian from "../core/julian-date-engine";
import * as weekday from "../core/weekday-calculator";
import type { ModuleRegistration } from "./registry";

const DATE = ["year", "month", "day"];
const MOMENT = [...DATE, "hour", "minute", "second"];
const ZONE = ["tz_hours", "tz_minutes"];

export const CORE_REGISTRATIONS: readonly ModuleRegistration[] = [
  {
    module: "core.julian_date_engine",
    engine: "JulianDateEngine",
    exports: julian,
    methods: {
      gregorian_to_jdn: DATE,
      jdn_to_gregorian: ["jdn"],
      is_leap_year: ["year"],
      is_valid_date: DATE,
      jdn_to_mjd: ["jdn"],
      mjd_to_jdn: ["mjd"],
      jdn_to_rd: ["jdn"],
      rd_to_jdn: ["rd"],
      jdn_to_unix_days: ["jdn"],
      unix_days_to_jdn: ["unix_days"],
      verify_cross_references: ["jdn"],
    },
  },
  {
    module: "core.base60_codec",
    engine: "Base60Codec",
    exports: base60,
    methods: {
      token60: ["n"],
      digit60: ["token"],
      to_base60: ["n"],
      from_base60: ["digits"],
      encode_base60: ["n"],
      decode_base60: ["encoded"],
      get_animal_name: ["index"],
      get_element_name: ["index"],
      describe_token: ["token"],
    },
  },
  {
    module: "core.weekday_calculator",
    engine: "WeekdayCalculator",
    exports: weekday,
    methods: {
      weekday_from_jdn: ["jdn"],
      weekday_token: ["jdn"],
      weekday_name: ["jdn"],
      planet_name: ["jdn"],
      symbolic_domain: ["jdn"],
      full_info: ["jdn"],
    },
  },
  {
    module: "core.checksum_validator",
    engine: "ChecksumValidator",
    exports: checksum,
    methods: {
      calculate_chk: [...MOMENT, "jdn"],
      calculate_chk_date_only: [...DATE, "jdn"],
      verify_chk: ["expected_chk", ...MOMENT, "jdn"],
    },
  },
  {
    module: "core.fc60_stamp_engine",
    engine: "FC60StampEngine",
    exports: stamp,
    methods: {
      _validate_input: [...MOMENT, ...ZONE],
      _encode_date_stamp: ["wd_token", "month", "day"],
      _encode_time_stamp: ["hour", "minute", "second"],
      _encode_timezone: ZONE,
      _format_iso: [...MOMENT, ...ZONE, "has_time"],
      encode: [...MOMENT, ...ZONE, "has_time"],
      encode_integer: ["n"],
      decode_stamp: ["stamp_str"],
    },
  },
];
