// Original file: proto/oracle.proto

import type { TimingFactor as _nps_oracle_v1_TimingFactor, TimingFactor__Output as _nps_oracle_v1_TimingFactor__Output } from '../../../nps/oracle/v1/TimingFactor';
import type { BestHour as _nps_oracle_v1_BestHour, BestHour__Output as _nps_oracle_v1_BestHour__Output } from '../../../nps/oracle/v1/BestHour';

export interface GetTimingAlignmentResponse {
  /**
   * 0..1, rounded to 4 places
   */
  'alignment_score'?: (number | string);
  /**
   * poor, fair, good, excellent
   */
  'quality'?: (string);
  'moon_phase'?: (string);
  'factors'?: (_nps_oracle_v1_TimingFactor)[];
  'best_hours'?: (_nps_oracle_v1_BestHour)[];
}

export interface GetTimingAlignmentResponse__Output {
  /**
   * 0..1, rounded to 4 places
   */
  'alignment_score': (number);
  /**
   * poor, fair, good, excellent
   */
  'quality': (string);
  'moon_phase': (string);
  'factors': (_nps_oracle_v1_TimingFactor__Output)[];
  'best_hours': (_nps_oracle_v1_BestHour__Output)[];
}
