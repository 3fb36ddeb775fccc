/** Reference-case bindings of the personal tier. */
import * as abjad from "../personal/abjad-table";
import * as heartbeat from "../personal/heartbeat-engine";
import * as numerology from "../personal/numerology-engine";
import type { ModuleRegistration } from "./registry";

const NAME = ["full_name", "system"];

export const PERSONAL_REGISTRATIONS: readonly ModuleRegistration[] = [
  {
    module: "personal.numerology_engine",
    engine: "NumerologyEngine",
    exports: numerology,
    methods: {
      digital_root: ["n"],
      life_path: ["day", "month", "year"],
      expression_number: NAME,
      soul_urge: NAME,
      personality_number: NAME,
      personal_year: ["birth_month", "birth_day", "current_year"],
      personal_month: ["birth_month", "birth_day", "current_year", "current_month"],
      personal_day: ["birth_month", "birth_day", "current_year", "current_month", "current_day"],
      _gender_polarity: ["gender"],
      complete_profile: [
        "full_name", "birth_day", "birth_month", "birth_year", "current_year", "current_month", "current_day",
        "mother_name", "system", "gender",
      ],
    },
  },
  {
    module: "personal.abjad_table",
    engine: null,
    exports: abjad,
    methods: {
      get_abjad_value: ["char"],
      name_to_abjad_sum: ["name"],
    },
  },
  {
    module: "personal.heartbeat_engine",
    engine: "HeartbeatEngine",
    exports: heartbeat,
    methods: {
      estimated_bpm: ["age"],
      beats_per_day: ["bpm"],
      total_lifetime_beats: ["current_age"],
      rhythm_token: ["bpm"],
      life_pulse_signature: ["total_beats"],
      heartbeat_element: ["bpm"],
      heartbeat_profile: ["age", "actual_bpm"],
    },
  },
];
