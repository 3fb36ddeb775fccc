// Original file: proto/oracle.proto

import type { StampToken as _nps_oracle_v1_StampToken, StampToken__Output as _nps_oracle_v1_StampToken__Output } from '../../../nps/oracle/v1/StampToken';

export interface StampTime {
  /**
   * AM or PM
   */
  'half'?: (string);
  'hour'?: (number);
  'hour_animal'?: (string);
  'minute'?: (_nps_oracle_v1_StampToken | null);
  'second'?: (_nps_oracle_v1_StampToken | null);
}

export interface StampTime__Output {
  /**
   * AM or PM
   */
  'half': (string);
  'hour': (number);
  'hour_animal': (string);
  'minute': (_nps_oracle_v1_StampToken__Output | null);
  'second': (_nps_oracle_v1_StampToken__Output | null);
}
