// Original file: proto/oracle.proto

import type { Profile as _nps_oracle_v1_Profile, Profile__Output as _nps_oracle_v1_Profile__Output } from '../../../nps/oracle/v1/Profile';
import type { CalendarDate as _nps_oracle_v1_CalendarDate, CalendarDate__Output as _nps_oracle_v1_CalendarDate__Output } from '../../../nps/oracle/v1/CalendarDate';

export interface GetDailyReadingRequest {
  /**
   * required
   */
  'profile'?: (_nps_oracle_v1_Profile | null);
  /**
   * required; the reading is taken at 12:00 local time
   */
  'date'?: (_nps_oracle_v1_CalendarDate | null);
  'include_ai'?: (boolean);
  'inquiry_context'?: ({[key: string]: string});
  'locale'?: (string);
}

export interface GetDailyReadingRequest__Output {
  /**
   * required
   */
  'profile': (_nps_oracle_v1_Profile__Output | null);
  /**
   * required; the reading is taken at 12:00 local time
   */
  'date': (_nps_oracle_v1_CalendarDate__Output | null);
  'include_ai': (boolean);
  'inquiry_context': ({[key: string]: string});
  'locale': (string);
}
