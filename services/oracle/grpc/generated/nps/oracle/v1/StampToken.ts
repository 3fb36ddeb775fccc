// Original file: proto/oracle.proto


export interface StampToken {
  'token'?: (string);
  /**
   * 0..59
   */
  'value'?: (number);
  'animal_name'?: (string);
  'element_name'?: (string);
}

export interface StampToken__Output {
  'token': (string);
  /**
   * 0..59
   */
  'value': (number);
  'animal_name': (string);
  'element_name': (string);
}
