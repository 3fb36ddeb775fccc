// Original file: proto/oracle.proto


export interface TimeContext {
  'context'?: (string);
  'energy'?: (string);
}

export interface TimeContext__Output {
  'context': (string);
  'energy': (string);
}
