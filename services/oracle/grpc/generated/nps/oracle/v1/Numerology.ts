// Original file: proto/oracle.proto

import type { LifePath as _nps_oracle_v1_LifePath, LifePath__Output as _nps_oracle_v1_LifePath__Output } from '../../../nps/oracle/v1/LifePath';
import type { GenderPolarity as _nps_oracle_v1_GenderPolarity, GenderPolarity__Output as _nps_oracle_v1_GenderPolarity__Output } from '../../../nps/oracle/v1/GenderPolarity';

export interface Numerology {
  'life_path'?: (_nps_oracle_v1_LifePath | null);
  'expression'?: (number);
  'soul_urge'?: (number);
  'personality'?: (number);
  'personal_year'?: (number);
  'personal_month'?: (number);
  'personal_day'?: (number);
  'gender_polarity'?: (_nps_oracle_v1_GenderPolarity | null);
  /**
   * present only when a mother's name was given
   */
  'mother_influence'?: (number);
  '_mother_influence'?: "mother_influence";
}

export interface Numerology__Output {
  'life_path': (_nps_oracle_v1_LifePath__Output | null);
  'expression': (number);
  'soul_urge': (number);
  'personality': (number);
  'personal_year': (number);
  'personal_month': (number);
  'personal_day': (number);
  'gender_polarity': (_nps_oracle_v1_GenderPolarity__Output | null);
  /**
   * present only when a mother's name was given
   */
  'mother_influence'?: (number);
}
