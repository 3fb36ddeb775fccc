// Original file: proto/oracle.proto


/**
 * A local wall-clock moment in the profile's time zone. Without hour and minute the reading is
 * date-only (no hour animal, no hour pillar).
 */
export interface LocalMoment {
  'year'?: (number);
  'month'?: (number);
  'day'?: (number);
  /**
   * 0..23
   */
  'hour'?: (number);
  /**
   * 0..59
   */
  'minute'?: (number);
  /**
   * 0..59
   */
  'second'?: (number);
  '_hour'?: "hour";
  '_minute'?: "minute";
  '_second'?: "second";
}

/**
 * A local wall-clock moment in the profile's time zone. Without hour and minute the reading is
 * date-only (no hour animal, no hour pillar).
 */
export interface LocalMoment__Output {
  'year': (number);
  'month': (number);
  'day': (number);
  /**
   * 0..23
   */
  'hour'?: (number);
  /**
   * 0..59
   */
  'minute'?: (number);
  /**
   * 0..59
   */
  'second'?: (number);
}
