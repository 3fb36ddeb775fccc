// Original file: proto/oracle.proto


export interface NumberMeaning {
  'number'?: (number);
  'meaning'?: (string);
}

export interface NumberMeaning__Output {
  'number': (number);
  'meaning': (string);
}
