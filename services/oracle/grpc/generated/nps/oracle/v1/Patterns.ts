// Original file: proto/oracle.proto

import type { DetectedPattern as _nps_oracle_v1_DetectedPattern, DetectedPattern__Output as _nps_oracle_v1_DetectedPattern__Output } from '../../../nps/oracle/v1/DetectedPattern';

export interface Patterns {
  'detected'?: (_nps_oracle_v1_DetectedPattern)[];
  'count'?: (number);
}

export interface Patterns__Output {
  'detected': (_nps_oracle_v1_DetectedPattern__Output)[];
  'count': (number);
}
