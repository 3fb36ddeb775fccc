// Original file: proto/oracle.proto

import type { GanzhiYear as _nps_oracle_v1_GanzhiYear, GanzhiYear__Output as _nps_oracle_v1_GanzhiYear__Output } from '../../../nps/oracle/v1/GanzhiYear';
import type { GanzhiDay as _nps_oracle_v1_GanzhiDay, GanzhiDay__Output as _nps_oracle_v1_GanzhiDay__Output } from '../../../nps/oracle/v1/GanzhiDay';
import type { GanzhiHour as _nps_oracle_v1_GanzhiHour, GanzhiHour__Output as _nps_oracle_v1_GanzhiHour__Output } from '../../../nps/oracle/v1/GanzhiHour';

export interface Ganzhi {
  'year'?: (_nps_oracle_v1_GanzhiYear | null);
  'day'?: (_nps_oracle_v1_GanzhiDay | null);
  /**
   * only when the moment has a time of day
   */
  'hour'?: (_nps_oracle_v1_GanzhiHour | null);
}

export interface Ganzhi__Output {
  'year': (_nps_oracle_v1_GanzhiYear__Output | null);
  'day': (_nps_oracle_v1_GanzhiDay__Output | null);
  /**
   * only when the moment has a time of day
   */
  'hour': (_nps_oracle_v1_GanzhiHour__Output | null);
}
