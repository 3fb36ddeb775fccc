// Original file: proto/oracle.proto


export interface Confidence {
  'score'?: (number);
  'level'?: (string);
  'factors'?: (string);
}

export interface Confidence__Output {
  'score': (number);
  'level': (string);
  'factors': (string);
}
