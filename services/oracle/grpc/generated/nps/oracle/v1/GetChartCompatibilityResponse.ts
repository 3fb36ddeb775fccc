// Original file: proto/oracle.proto

import type { CompatibilityReason as _nps_oracle_v1_CompatibilityReason, CompatibilityReason__Output as _nps_oracle_v1_CompatibilityReason__Output } from '../../../nps/oracle/v1/CompatibilityReason';

export interface GetChartCompatibilityResponse {
  'a_name'?: (string);
  'b_name'?: (string);
  'score'?: (number);
  'numbers_score'?: (number);
  'numbers'?: (_nps_oracle_v1_CompatibilityReason)[];
  'signals_score'?: (number);
  'signals'?: (_nps_oracle_v1_CompatibilityReason)[];
}

export interface GetChartCompatibilityResponse__Output {
  'a_name': (string);
  'b_name': (string);
  'score': (number);
  'numbers_score': (number);
  'numbers': (_nps_oracle_v1_CompatibilityReason__Output)[];
  'signals_score': (number);
  'signals': (_nps_oracle_v1_CompatibilityReason__Output)[];
}
