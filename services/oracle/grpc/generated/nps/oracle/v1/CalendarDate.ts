// Original file: proto/oracle.proto


export interface CalendarDate {
  /**
   * 1..9999
   */
  'year'?: (number);
  /**
   * 1..12
   */
  'month'?: (number);
  /**
   * 1..31, and a real day of that month
   */
  'day'?: (number);
}

export interface CalendarDate__Output {
  /**
   * 1..9999
   */
  'year': (number);
  /**
   * 1..12
   */
  'month': (number);
  /**
   * 1..31, and a real day of that month
   */
  'day': (number);
}
