/** A stored time reading and a group reading, shaped as the API returns them (trimmed to what the page reads). */
export const timeReading = {
  id: "00000000-0000-4000-8000-000000000001",
  reading_type: "time" as const,
  profile_id: null,
  profile_ids: [],
  sign_value: "09:31:58",
  numerology_system: "pythagorean",
  locale: "en" as const,
  question: null,
  confidence_score: 95,
  is_favorite: false,
  created_at: "2026-12-02T14:31:59.034Z",
  ai_interpretation: null,
  result: {
    reading: {
      person: { name: "Alice Johnson", birthdate: "1990-07-15" },
      current: { date: "2026-12-02" },
      numerology: { life_path: { number: 5, title: "Explorer" }, expression: 8, soul_urge: 9, personality: 8, personal_year: 5, personal_month: 8, personal_day: 1 },
      confidence: { score: 95 },
      moon: { phase_name: "Last Quarter", age: 22.74, illumination: 43.7 },
      fc60_stamp: { fc60: "ME-PI-RAER ☀RO-HOFI-PIMT", _weekday_token: "ME", _weekday_name: "Wednesday", _planet: "Mercury", _month_animal: "PI", _dom_token: "RAER", _half_marker: "☀", _hour_animal: "RO", _minute_token: "HOFI" },
      ganzhi: { year: { element: "Fire" }, day: { element: "Metal" } },
      heartbeat: { element: "Earth" },
      location: { element: "Metal" },
      translation: {
        header: "A reading for Alice Johnson",
        core_identity: "Life Path 5: the Explorer",
        advice: "1. Lead with this: plan around the day's ruler.",
        caution: "",
        full_text: "everything",
      },
    },
  },
};

export const groupReading = {
  ...timeReading,
  id: "00000000-0000-4000-8000-000000000002",
  reading_type: "multi" as const,
  result: {
    readings: [
      { person: { name: "Alice" }, translation: { header: "A reading for Alice" } },
      { person: { name: "Bob" }, translation: { header: "A reading for Bob" } },
      { person: { name: "Cyrus" }, translation: { header: "A reading for Cyrus" } },
    ],
    pairs: [
      { a_index: 0, b_index: 1, percentage: 57, classification: "mixed", description: "Some alignment." },
      { a_index: 0, b_index: 2, percentage: 81, classification: "good", description: "Complementary." },
      { a_index: 1, b_index: 2, percentage: 40, classification: "challenging", description: "Friction." },
    ],
    group: { element_balance: { Metal: 1, Earth: 2 }, harmony_percentage: 69, summary: "A well-matched group." },
  },
};
