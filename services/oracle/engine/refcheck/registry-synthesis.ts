/** Reference-case bindings of the synthesis tier. */
import * as orchestrator from "../synthesis/master-orchestrator";
import * as reading from "../synthesis/reading-engine";
import * as combiner from "../synthesis/signal-combiner";
import * as translator from "../synthesis/universe-translator";
import type { ModuleRegistration } from "./registry";

export const SYNTHESIS_REGISTRATIONS: readonly ModuleRegistration[] = [
  {
    module: "synthesis.signal_combiner",
    engine: "SignalCombiner",
    exports: combiner,
    methods: {
      planet_meets_moon: ["planet", "moon_phase"],
      lifepath_meets_year: ["life_path", "personal_year"],
      animal_harmony: ["animal1", "animal2"],
      _detect_tensions: ["signals", "ganzhi"],
      _generate_actions: ["signals", "numerology", "moon"],
      combine_signals: ["signals", "numerology", "moon", "ganzhi"],
    },
  },
  {
    module: "synthesis.reading_engine",
    engine: "ReadingEngine",
    exports: reading,
    methods: {
      _collect_animals: ["fc60_stamp", "ganzhi_data"],
      _detect_animal_repetitions: ["animals"],
      _time_context: ["hour"],
      _check_sun_moon_paradox: ["fc60_stamp", "hour"],
      _describe_animal_element: ["dom_token"],
      _personal_x_current: ["numerology_profile", "planet", "moon_data"],
      generate_reading: ["fc60_stamp", "numerology_profile", "moon_data", "ganzhi_data", "heartbeat_data", "location_data"],
    },
  },
  {
    module: "synthesis.universe_translator",
    engine: "UniverseTranslator",
    exports: translator,
    methods: {
      _split_insight: ["insight_str"],
      _position_names: ["fc60_stamp", "animal_code"],
      translate: ["reading", "fc60_stamp", "numerology_profile", "person_name", "current_date_str", "confidence_override"],
    },
  },
  {
    module: "synthesis.master_orchestrator",
    engine: "MasterOrchestrator",
    exports: orchestrator,
    methods: {
      generate_reading: [
        "full_name",
        "birth_day",
        "birth_month",
        "birth_year",
        "current_date",
        "mother_name",
        "gender",
        "latitude",
        "longitude",
        "actual_bpm",
        "current_hour",
        "current_minute",
        "current_second",
        "tz_hours",
        "tz_minutes",
        "numerology_system",
        "mode",
      ],
      _detect_patterns: ["numerology", "weekday", "reading"],
      _calculate_confidence: ["numerology", "moon_data", "ganzhi_data", "heartbeat_data", "location_data", "reading"],
    },
  },
];
