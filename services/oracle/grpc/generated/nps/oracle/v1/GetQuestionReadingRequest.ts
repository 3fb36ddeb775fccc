// Original file: proto/oracle.proto

import type { NumerologySystem as _nps_oracle_v1_NumerologySystem, NumerologySystem__Output as _nps_oracle_v1_NumerologySystem__Output } from '../../../nps/oracle/v1/NumerologySystem';
import type { QuestionCategory as _nps_oracle_v1_QuestionCategory, QuestionCategory__Output as _nps_oracle_v1_QuestionCategory__Output } from '../../../nps/oracle/v1/QuestionCategory';
import type { Profile as _nps_oracle_v1_Profile, Profile__Output as _nps_oracle_v1_Profile__Output } from '../../../nps/oracle/v1/Profile';
import type { LocalMoment as _nps_oracle_v1_LocalMoment, LocalMoment__Output as _nps_oracle_v1_LocalMoment__Output } from '../../../nps/oracle/v1/LocalMoment';

export interface GetQuestionReadingRequest {
  /**
   * required, at most 500 characters
   */
  'question'?: (string);
  /**
   * for the question's number
   */
  'numerology_system'?: (_nps_oracle_v1_NumerologySystem);
  'category'?: (_nps_oracle_v1_QuestionCategory);
  /**
   * optional: the asker; absent: the moment alone (Reading.left_out says what is missing)
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

export interface GetQuestionReadingRequest__Output {
  /**
   * required, at most 500 characters
   */
  'question': (string);
  /**
   * for the question's number
   */
  'numerology_system': (_nps_oracle_v1_NumerologySystem__Output);
  'category': (_nps_oracle_v1_QuestionCategory__Output);
  /**
   * optional: the asker; absent: the moment alone (Reading.left_out says what is missing)
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
