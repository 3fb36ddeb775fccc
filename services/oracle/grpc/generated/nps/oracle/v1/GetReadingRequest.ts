// Original file: proto/oracle.proto

import type { Profile as _nps_oracle_v1_Profile, Profile__Output as _nps_oracle_v1_Profile__Output } from '../../../nps/oracle/v1/Profile';
import type { LocalMoment as _nps_oracle_v1_LocalMoment, LocalMoment__Output as _nps_oracle_v1_LocalMoment__Output } from '../../../nps/oracle/v1/LocalMoment';

export interface GetReadingRequest {
  /**
   * required
   */
  'profile'?: (_nps_oracle_v1_Profile | null);
  /**
   * required
   */
  'at'?: (_nps_oracle_v1_LocalMoment | null);
  'include_ai'?: (boolean);
  'inquiry_context'?: ({[key: string]: string});
  'locale'?: (string);
}

export interface GetReadingRequest__Output {
  /**
   * required
   */
  'profile': (_nps_oracle_v1_Profile__Output | null);
  /**
   * required
   */
  'at': (_nps_oracle_v1_LocalMoment__Output | null);
  'include_ai': (boolean);
  'inquiry_context': ({[key: string]: string});
  'locale': (string);
}
