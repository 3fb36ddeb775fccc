// Original file: proto/oracle.proto


export interface ChartLetter {
  'letter'?: (string);
  'value'?: (number);
  'vowel'?: (boolean);
  'word'?: (number);
}

export interface ChartLetter__Output {
  'letter': (string);
  'value': (number);
  'vowel': (boolean);
  'word': (number);
}
