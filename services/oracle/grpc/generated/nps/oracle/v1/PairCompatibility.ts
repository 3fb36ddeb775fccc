// Original file: proto/oracle.proto

import type { CompatibilityDimensions as _nps_oracle_v1_CompatibilityDimensions, CompatibilityDimensions__Output as _nps_oracle_v1_CompatibilityDimensions__Output } from '../../../nps/oracle/v1/CompatibilityDimensions';

export interface PairCompatibility {
  /**
   * positions in the request's profiles
   */
  'a_index'?: (number);
  'b_index'?: (number);
  'a_name'?: (string);
  'b_name'?: (string);
  /**
   * 0..1, rounded to 4 places
   */
  'score'?: (number | string);
  'percentage'?: (number);
  /**
   * excellent, good, mixed, challenging
   */
  'classification'?: (string);
  'dimensions'?: (_nps_oracle_v1_CompatibilityDimensions | null);
  /**
   * dimensions scoring 0.7 or more
   */
  'strengths'?: (string)[];
  /**
   * dimensions scoring 0.3 or less
   */
  'challenges'?: (string)[];
  'description'?: (string);
}

export interface PairCompatibility__Output {
  /**
   * positions in the request's profiles
   */
  'a_index': (number);
  'b_index': (number);
  'a_name': (string);
  'b_name': (string);
  /**
   * 0..1, rounded to 4 places
   */
  'score': (number);
  'percentage': (number);
  /**
   * excellent, good, mixed, challenging
   */
  'classification': (string);
  'dimensions': (_nps_oracle_v1_CompatibilityDimensions__Output | null);
  /**
   * dimensions scoring 0.7 or more
   */
  'strengths': (string)[];
  /**
   * dimensions scoring 0.3 or less
   */
  'challenges': (string)[];
  'description': (string);
}
