// Original file: proto/oracle.proto


export interface BestHour {
  'hour'?: (number);
  'score'?: (number | string);
  'quality'?: (string);
  'reasons'?: (string)[];
}

export interface BestHour__Output {
  'hour': (number);
  'score': (number);
  'quality': (string);
  'reasons': (string)[];
}
