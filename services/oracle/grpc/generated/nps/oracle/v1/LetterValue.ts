// Original file: proto/oracle.proto


export interface LetterValue {
  'letter'?: (string);
  'value'?: (number);
  /**
   * Fire, Earth, Metal, Water, Wood by value; empty for a letter worth 0
   */
  'element'?: (string);
}

export interface LetterValue__Output {
  'letter': (string);
  'value': (number);
  /**
   * Fire, Earth, Metal, Water, Wood by value; empty for a letter worth 0
   */
  'element': (string);
}
