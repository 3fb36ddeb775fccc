// Original file: proto/oracle.proto

import type { ChartName as _nps_oracle_v1_ChartName, ChartName__Output as _nps_oracle_v1_ChartName__Output } from '../../../nps/oracle/v1/ChartName';

export interface Person {
  'name'?: (string);
  'birthdate'?: (string);
  'age_years'?: (number);
  'age_days'?: (number);
  /**
   * how the name was counted: its Latin transliteration and the route, for a name in another script
   */
  'name_read'?: (_nps_oracle_v1_ChartName | null);
}

export interface Person__Output {
  'name': (string);
  'birthdate': (string);
  'age_years': (number);
  'age_days': (number);
  /**
   * how the name was counted: its Latin transliteration and the route, for a name in another script
   */
  'name_read': (_nps_oracle_v1_ChartName__Output | null);
}
