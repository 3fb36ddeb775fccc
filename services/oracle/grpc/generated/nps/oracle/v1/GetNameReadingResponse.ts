// Original file: proto/oracle.proto

import type { LetterValue as _nps_oracle_v1_LetterValue, LetterValue__Output as _nps_oracle_v1_LetterValue__Output } from '../../../nps/oracle/v1/LetterValue';
import type { Reading as _nps_oracle_v1_Reading, Reading__Output as _nps_oracle_v1_Reading__Output } from '../../../nps/oracle/v1/Reading';
import type { Interpretation as _nps_oracle_v1_Interpretation, Interpretation__Output as _nps_oracle_v1_Interpretation__Output } from '../../../nps/oracle/v1/Interpretation';
import type { ChartName as _nps_oracle_v1_ChartName, ChartName__Output as _nps_oracle_v1_ChartName__Output } from '../../../nps/oracle/v1/ChartName';

export interface GetNameReadingResponse {
  'name'?: (string);
  /**
   * latin, persian, arabic, unknown
   */
  'detected_script'?: (string);
  /**
   * the system used, after auto
   */
  'numerology_system'?: (string);
  'expression'?: (number);
  'soul_urge'?: (number);
  'personality'?: (number);
  /**
   * the profile's; absent without a profile (no birth date to take it from)
   */
  'life_path'?: (number);
  'letters'?: (_nps_oracle_v1_LetterValue)[];
  'reading'?: (_nps_oracle_v1_Reading | null);
  'interpretation'?: (_nps_oracle_v1_Interpretation | null);
  /**
   * the letters counted: the name, or its Latin transliteration, and the route
   */
  'name_read'?: (_nps_oracle_v1_ChartName | null);
  '_life_path'?: "life_path";
}

export interface GetNameReadingResponse__Output {
  'name': (string);
  /**
   * latin, persian, arabic, unknown
   */
  'detected_script': (string);
  /**
   * the system used, after auto
   */
  'numerology_system': (string);
  'expression': (number);
  'soul_urge': (number);
  'personality': (number);
  /**
   * the profile's; absent without a profile (no birth date to take it from)
   */
  'life_path'?: (number);
  'letters': (_nps_oracle_v1_LetterValue__Output)[];
  'reading': (_nps_oracle_v1_Reading__Output | null);
  'interpretation': (_nps_oracle_v1_Interpretation__Output | null);
  /**
   * the letters counted: the name, or its Latin transliteration, and the route
   */
  'name_read': (_nps_oracle_v1_ChartName__Output | null);
}
