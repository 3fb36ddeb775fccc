// Original file: proto/oracle.proto


export interface CompatibilityReason {
  'dimension'?: (string);
  /**
   * 0..100
   */
  'score'?: (number);
  'reason'?: (string);
  /**
   * the two numbers compared (numbers only)
   */
  'a'?: (number);
  'b'?: (number);
  /**
   * same, natural, compatible, challenging (numbers only)
   */
  'relation'?: (string);
}

export interface CompatibilityReason__Output {
  'dimension': (string);
  /**
   * 0..100
   */
  'score': (number);
  'reason': (string);
  /**
   * the two numbers compared (numbers only)
   */
  'a': (number);
  'b': (number);
  /**
   * same, natural, compatible, challenging (numbers only)
   */
  'relation': (string);
}
