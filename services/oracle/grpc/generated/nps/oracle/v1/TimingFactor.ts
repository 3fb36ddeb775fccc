// Original file: proto/oracle.proto


export interface TimingFactor {
  /**
   * moon_phase, day_number, hour_number, weekday
   */
  'name'?: (string);
  /**
   * what was scored, e.g. "Full Moon", "8", "Jupiter"
   */
  'value'?: (string);
  'score'?: (number | string);
  'note'?: (string);
}

export interface TimingFactor__Output {
  /**
   * moon_phase, day_number, hour_number, weekday
   */
  'name': (string);
  /**
   * what was scored, e.g. "Full Moon", "8", "Jupiter"
   */
  'value': (string);
  'score': (number);
  'note': (string);
}
