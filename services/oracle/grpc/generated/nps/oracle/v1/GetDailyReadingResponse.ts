// Original file: proto/oracle.proto

import type { Reading as _nps_oracle_v1_Reading, Reading__Output as _nps_oracle_v1_Reading__Output } from '../../../nps/oracle/v1/Reading';
import type { DailyInsights as _nps_oracle_v1_DailyInsights, DailyInsights__Output as _nps_oracle_v1_DailyInsights__Output } from '../../../nps/oracle/v1/DailyInsights';
import type { Interpretation as _nps_oracle_v1_Interpretation, Interpretation__Output as _nps_oracle_v1_Interpretation__Output } from '../../../nps/oracle/v1/Interpretation';

export interface GetDailyReadingResponse {
  /**
   * YYYY-MM-DD
   */
  'date'?: (string);
  'reading'?: (_nps_oracle_v1_Reading | null);
  'insights'?: (_nps_oracle_v1_DailyInsights | null);
  'interpretation'?: (_nps_oracle_v1_Interpretation | null);
}

export interface GetDailyReadingResponse__Output {
  /**
   * YYYY-MM-DD
   */
  'date': (string);
  'reading': (_nps_oracle_v1_Reading__Output | null);
  'insights': (_nps_oracle_v1_DailyInsights__Output | null);
  'interpretation': (_nps_oracle_v1_Interpretation__Output | null);
}
