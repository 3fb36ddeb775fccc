// Original file: proto/oracle.proto

import type { NumberMeaning as _nps_oracle_v1_NumberMeaning, NumberMeaning__Output as _nps_oracle_v1_NumberMeaning__Output } from '../../../nps/oracle/v1/NumberMeaning';

export interface ChartNumberSet {
  'numbers'?: (number)[];
  'working'?: (string);
  'meanings'?: (_nps_oracle_v1_NumberMeaning)[];
}

export interface ChartNumberSet__Output {
  'numbers': (number)[];
  'working': (string);
  'meanings': (_nps_oracle_v1_NumberMeaning__Output)[];
}
