// Original file: proto/oracle.proto


export interface ChartSystem {
  /**
   * pythagorean, chaldean or abjad
   */
  'name'?: (string);
  /**
   * what was asked: a system, or auto
   */
  'choice'?: (string);
  'reason'?: (string);
}

export interface ChartSystem__Output {
  /**
   * pythagorean, chaldean or abjad
   */
  'name': (string);
  /**
   * what was asked: a system, or auto
   */
  'choice': (string);
  'reason': (string);
}
