// Original file: proto/oracle.proto

import type { Reading as _nps_oracle_v1_Reading, Reading__Output as _nps_oracle_v1_Reading__Output } from '../../../nps/oracle/v1/Reading';
import type { PairCompatibility as _nps_oracle_v1_PairCompatibility, PairCompatibility__Output as _nps_oracle_v1_PairCompatibility__Output } from '../../../nps/oracle/v1/PairCompatibility';
import type { GroupAnalysis as _nps_oracle_v1_GroupAnalysis, GroupAnalysis__Output as _nps_oracle_v1_GroupAnalysis__Output } from '../../../nps/oracle/v1/GroupAnalysis';
import type { Interpretation as _nps_oracle_v1_Interpretation, Interpretation__Output as _nps_oracle_v1_Interpretation__Output } from '../../../nps/oracle/v1/Interpretation';

export interface GetMultiReadingResponse {
  /**
   * one per profile, in request order
   */
  'readings'?: (_nps_oracle_v1_Reading)[];
  'pairs'?: (_nps_oracle_v1_PairCompatibility)[];
  /**
   * only for three profiles or more
   */
  'group'?: (_nps_oracle_v1_GroupAnalysis | null);
  'interpretation'?: (_nps_oracle_v1_Interpretation | null);
}

export interface GetMultiReadingResponse__Output {
  /**
   * one per profile, in request order
   */
  'readings': (_nps_oracle_v1_Reading__Output)[];
  'pairs': (_nps_oracle_v1_PairCompatibility__Output)[];
  /**
   * only for three profiles or more
   */
  'group': (_nps_oracle_v1_GroupAnalysis__Output | null);
  'interpretation': (_nps_oracle_v1_Interpretation__Output | null);
}
