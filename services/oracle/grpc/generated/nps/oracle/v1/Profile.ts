// Original file: proto/oracle.proto

import type { CalendarDate as _nps_oracle_v1_CalendarDate, CalendarDate__Output as _nps_oracle_v1_CalendarDate__Output } from '../../../nps/oracle/v1/CalendarDate';
import type { Gender as _nps_oracle_v1_Gender, Gender__Output as _nps_oracle_v1_Gender__Output } from '../../../nps/oracle/v1/Gender';
import type { NumerologySystem as _nps_oracle_v1_NumerologySystem, NumerologySystem__Output as _nps_oracle_v1_NumerologySystem__Output } from '../../../nps/oracle/v1/NumerologySystem';

/**
 * The person a reading is for: the fields of a stored profile a reading is computed from
 * (services/contract/profile.ts), and the system its names are counted in.
 */
export interface Profile {
  /**
   * required, at most 200 characters
   */
  'name'?: (string);
  /**
   * optional; counted instead of name when the system is abjad
   */
  'name_persian'?: (string);
  /**
   * required, not after the reading's moment
   */
  'birth_date'?: (_nps_oracle_v1_CalendarDate | null);
  /**
   * optional
   */
  'mother_name'?: (string);
  'gender'?: (_nps_oracle_v1_Gender);
  /**
   * -90..90, given together with longitude
   */
  'latitude'?: (number | string);
  /**
   * -180..180
   */
  'longitude'?: (number | string);
  /**
   * 30..220; estimated from age when absent
   */
  'heart_rate_bpm'?: (number);
  'numerology_system'?: (_nps_oracle_v1_NumerologySystem);
  /**
   * minutes east of UTC, -720..840; absent: UTC
   */
  'timezone_offset_minutes'?: (number);
  '_latitude'?: "latitude";
  '_longitude'?: "longitude";
  '_heart_rate_bpm'?: "heart_rate_bpm";
  '_timezone_offset_minutes'?: "timezone_offset_minutes";
}

/**
 * The person a reading is for: the fields of a stored profile a reading is computed from
 * (services/contract/profile.ts), and the system its names are counted in.
 */
export interface Profile__Output {
  /**
   * required, at most 200 characters
   */
  'name': (string);
  /**
   * optional; counted instead of name when the system is abjad
   */
  'name_persian': (string);
  /**
   * required, not after the reading's moment
   */
  'birth_date': (_nps_oracle_v1_CalendarDate__Output | null);
  /**
   * optional
   */
  'mother_name': (string);
  'gender': (_nps_oracle_v1_Gender__Output);
  /**
   * -90..90, given together with longitude
   */
  'latitude'?: (number);
  /**
   * -180..180
   */
  'longitude'?: (number);
  /**
   * 30..220; estimated from age when absent
   */
  'heart_rate_bpm'?: (number);
  'numerology_system': (_nps_oracle_v1_NumerologySystem__Output);
  /**
   * minutes east of UTC, -720..840; absent: UTC
   */
  'timezone_offset_minutes'?: (number);
}
