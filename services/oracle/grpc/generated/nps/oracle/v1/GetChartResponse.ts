// Original file: proto/oracle.proto

import type { Chart as _nps_oracle_v1_Chart, Chart__Output as _nps_oracle_v1_Chart__Output } from '../../../nps/oracle/v1/Chart';

export interface GetChartResponse {
  'chart'?: (_nps_oracle_v1_Chart | null);
}

export interface GetChartResponse__Output {
  'chart': (_nps_oracle_v1_Chart__Output | null);
}
