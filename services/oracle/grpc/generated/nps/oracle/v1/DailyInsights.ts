// Original file: proto/oracle.proto


export interface DailyInsights {
  /**
   * by personal day
   */
  'suggested_activities'?: (string)[];
  /**
   * the moon phase's energy and the weekday's planet
   */
  'energy_forecast'?: (string);
  /**
   * hours whose branch is the birth-year animal
   */
  'lucky_hours'?: (number)[];
  /**
   * by personal month
   */
  'focus_area'?: (string);
  'element_of_day'?: (string);
}

export interface DailyInsights__Output {
  /**
   * by personal day
   */
  'suggested_activities': (string)[];
  /**
   * the moon phase's energy and the weekday's planet
   */
  'energy_forecast': (string);
  /**
   * hours whose branch is the birth-year animal
   */
  'lucky_hours': (number)[];
  /**
   * by personal month
   */
  'focus_area': (string);
  'element_of_day': (string);
}
