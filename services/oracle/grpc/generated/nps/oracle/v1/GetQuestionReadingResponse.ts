// Original file: proto/oracle.proto

import type { Reading as _nps_oracle_v1_Reading, Reading__Output as _nps_oracle_v1_Reading__Output } from '../../../nps/oracle/v1/Reading';
import type { Interpretation as _nps_oracle_v1_Interpretation, Interpretation__Output as _nps_oracle_v1_Interpretation__Output } from '../../../nps/oracle/v1/Interpretation';
import type { ChartName as _nps_oracle_v1_ChartName, ChartName__Output as _nps_oracle_v1_ChartName__Output } from '../../../nps/oracle/v1/ChartName';

export interface GetQuestionReadingResponse {
  'question'?: (string);
  /**
   * digital root of the letter sum, master numbers kept
   */
  'question_number'?: (number);
  'is_master_number'?: (boolean);
  'raw_letter_sum'?: (number);
  /**
   * latin, persian, arabic, unknown
   */
  'detected_script'?: (string);
  'numerology_system'?: (string);
  /**
   * love, career, health, finance, family, spiritual, general
   */
  'category'?: (string);
  /**
   * true when the category came from the question's words
   */
  'category_detected'?: (boolean);
  'reading'?: (_nps_oracle_v1_Reading | null);
  'interpretation'?: (_nps_oracle_v1_Interpretation | null);
  /**
   * the letters counted: the question, or its Latin transliteration, and the route
   */
  'question_read'?: (_nps_oracle_v1_ChartName | null);
}

export interface GetQuestionReadingResponse__Output {
  'question': (string);
  /**
   * digital root of the letter sum, master numbers kept
   */
  'question_number': (number);
  'is_master_number': (boolean);
  'raw_letter_sum': (number);
  /**
   * latin, persian, arabic, unknown
   */
  'detected_script': (string);
  'numerology_system': (string);
  /**
   * love, career, health, finance, family, spiritual, general
   */
  'category': (string);
  /**
   * true when the category came from the question's words
   */
  'category_detected': (boolean);
  'reading': (_nps_oracle_v1_Reading__Output | null);
  'interpretation': (_nps_oracle_v1_Interpretation__Output | null);
  /**
   * the letters counted: the question, or its Latin transliteration, and the route
   */
  'question_read': (_nps_oracle_v1_ChartName__Output | null);
}
