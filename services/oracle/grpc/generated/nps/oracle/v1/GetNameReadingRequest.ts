// Original file: proto/oracle.proto

import type { NumerologySystem as _nps_oracle_v1_NumerologySystem, NumerologySystem__Output as _nps_oracle_v1_NumerologySystem__Output } from '../../../nps/oracle/v1/NumerologySystem';
import type { Profile as _nps_oracle_v1_Profile, Profile__Output as _nps_oracle_v1_Profile__Output } from '../../../nps/oracle/v1/Profile';
import type { LocalMoment as _nps_oracle_v1_LocalMoment, LocalMoment__Output as _nps_oracle_v1_LocalMoment__Output } from '../../../nps/oracle/v1/LocalMoment';

export interface GetNameReadingRequest {
  /**
   * required, at most 200 characters
   */
  'name'?: (string);
  'numerology_system'?: (_nps_oracle_v1_NumerologySystem);
  /**
   * optional: whose reading surrounds the name; absent: the moment alone (Reading.left_out says what is missing)
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

export interface GetNameReadingRequest__Output {
  /**
   * required, at most 200 characters
   */
  'name': (string);
  'numerology_system': (_nps_oracle_v1_NumerologySystem__Output);
  /**
   * optional: whose reading surrounds the name; absent: the moment alone (Reading.left_out says what is missing)
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
