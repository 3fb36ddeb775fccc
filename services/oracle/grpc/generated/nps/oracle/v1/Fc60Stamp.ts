// Original file: proto/oracle.proto


export interface Fc60Stamp {
  'fc60'?: (string);
  'iso'?: (string);
  'tz60'?: (string);
  'y60'?: (string);
  'y2k'?: (string);
  'j60'?: (string);
  'mjd60'?: (string);
  'rd60'?: (string);
  'u60'?: (string);
  'chk'?: (string);
  'jdn'?: (number);
  'weekday_index'?: (number);
  'weekday_token'?: (string);
  'weekday_name'?: (string);
  'planet'?: (string);
  'domain'?: (string);
  /**
   * "☀", "🌙", or "" for a date-only stamp
   */
  'half_marker'?: (string);
  'hour_animal'?: (string);
  'minute_token'?: (string);
  'month_animal'?: (string);
  'dom_token'?: (string);
}

export interface Fc60Stamp__Output {
  'fc60': (string);
  'iso': (string);
  'tz60': (string);
  'y60': (string);
  'y2k': (string);
  'j60': (string);
  'mjd60': (string);
  'rd60': (string);
  'u60': (string);
  'chk': (string);
  'jdn': (number);
  'weekday_index': (number);
  'weekday_token': (string);
  'weekday_name': (string);
  'planet': (string);
  'domain': (string);
  /**
   * "☀", "🌙", or "" for a date-only stamp
   */
  'half_marker': (string);
  'hour_animal': (string);
  'minute_token': (string);
  'month_animal': (string);
  'dom_token': (string);
}
