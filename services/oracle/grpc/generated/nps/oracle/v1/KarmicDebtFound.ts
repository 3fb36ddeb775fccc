// Original file: proto/oracle.proto


export interface KarmicDebtFound {
  'number'?: (number);
  /**
   * life_path, expression, soul_urge, personality or birthday
   */
  'part'?: (string);
  'meaning'?: (string);
}

export interface KarmicDebtFound__Output {
  'number': (number);
  /**
   * life_path, expression, soul_urge, personality or birthday
   */
  'part': (string);
  'meaning': (string);
}
