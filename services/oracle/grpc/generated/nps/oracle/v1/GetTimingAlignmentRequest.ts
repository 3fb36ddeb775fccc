// Original file: proto/oracle.proto

import type { LocalMoment as _nps_oracle_v1_LocalMoment, LocalMoment__Output as _nps_oracle_v1_LocalMoment__Output } from '../../../nps/oracle/v1/LocalMoment';

export interface GetTimingAlignmentRequest {
  /**
   * required; without an hour, 12:00 is taken
   */
  'at'?: (_nps_oracle_v1_LocalMoment | null);
  /**
   * how many hours to list, 1..24; 0 means 5
   */
  'best_hours'?: (number);
  'locale'?: (string);
}

export interface GetTimingAlignmentRequest__Output {
  /**
   * required; without an hour, 12:00 is taken
   */
  'at': (_nps_oracle_v1_LocalMoment__Output | null);
  /**
   * how many hours to list, 1..24; 0 means 5
   */
  'best_hours': (number);
  'locale': (string);
}
