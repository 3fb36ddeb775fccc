// Original file: proto/oracle.proto

import type { StampToken as _nps_oracle_v1_StampToken, StampToken__Output as _nps_oracle_v1_StampToken__Output } from '../../../nps/oracle/v1/StampToken';
import type { StampTime as _nps_oracle_v1_StampTime, StampTime__Output as _nps_oracle_v1_StampTime__Output } from '../../../nps/oracle/v1/StampTime';

export interface DecodedStamp {
  'weekday_token'?: (string);
  'weekday_name'?: (string);
  'month_token'?: (string);
  'month'?: (number);
  'month_animal'?: (string);
  'day'?: (_nps_oracle_v1_StampToken | null);
  /**
   * absent for a date-only stamp
   */
  'time'?: (_nps_oracle_v1_StampTime | null);
}

export interface DecodedStamp__Output {
  'weekday_token': (string);
  'weekday_name': (string);
  'month_token': (string);
  'month': (number);
  'month_animal': (string);
  'day': (_nps_oracle_v1_StampToken__Output | null);
  /**
   * absent for a date-only stamp
   */
  'time': (_nps_oracle_v1_StampTime__Output | null);
}
