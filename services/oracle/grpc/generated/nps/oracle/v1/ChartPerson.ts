// Original file: proto/oracle.proto

import type { CalendarDate as _nps_oracle_v1_CalendarDate, CalendarDate__Output as _nps_oracle_v1_CalendarDate__Output } from '../../../nps/oracle/v1/CalendarDate';
import type { NumerologySystem as _nps_oracle_v1_NumerologySystem, NumerologySystem__Output as _nps_oracle_v1_NumerologySystem__Output } from '../../../nps/oracle/v1/NumerologySystem';

export interface ChartPerson {
  'name'?: (string);
  'birth_date'?: (_nps_oracle_v1_CalendarDate | null);
  'numerology_system'?: (_nps_oracle_v1_NumerologySystem);
}

export interface ChartPerson__Output {
  'name': (string);
  'birth_date': (_nps_oracle_v1_CalendarDate__Output | null);
  'numerology_system': (_nps_oracle_v1_NumerologySystem__Output);
}
