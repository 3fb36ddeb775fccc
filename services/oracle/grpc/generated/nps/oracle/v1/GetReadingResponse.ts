// Original file: proto/oracle.proto

import type { Reading as _nps_oracle_v1_Reading, Reading__Output as _nps_oracle_v1_Reading__Output } from '../../../nps/oracle/v1/Reading';
import type { Interpretation as _nps_oracle_v1_Interpretation, Interpretation__Output as _nps_oracle_v1_Interpretation__Output } from '../../../nps/oracle/v1/Interpretation';

export interface GetReadingResponse {
  'reading'?: (_nps_oracle_v1_Reading | null);
  /**
   * absent unless requested
   */
  'interpretation'?: (_nps_oracle_v1_Interpretation | null);
}

export interface GetReadingResponse__Output {
  'reading': (_nps_oracle_v1_Reading__Output | null);
  /**
   * absent unless requested
   */
  'interpretation': (_nps_oracle_v1_Interpretation__Output | null);
}
