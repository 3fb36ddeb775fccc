// Original file: proto/oracle.proto

import type { ChartPerson as _nps_oracle_v1_ChartPerson, ChartPerson__Output as _nps_oracle_v1_ChartPerson__Output } from '../../../nps/oracle/v1/ChartPerson';
import type { CalendarDate as _nps_oracle_v1_CalendarDate, CalendarDate__Output as _nps_oracle_v1_CalendarDate__Output } from '../../../nps/oracle/v1/CalendarDate';

export interface GetChartCompatibilityRequest {
  'a'?: (_nps_oracle_v1_ChartPerson | null);
  'b'?: (_nps_oracle_v1_ChartPerson | null);
  'at'?: (_nps_oracle_v1_CalendarDate | null);
}

export interface GetChartCompatibilityRequest__Output {
  'a': (_nps_oracle_v1_ChartPerson__Output | null);
  'b': (_nps_oracle_v1_ChartPerson__Output | null);
  'at': (_nps_oracle_v1_CalendarDate__Output | null);
}
