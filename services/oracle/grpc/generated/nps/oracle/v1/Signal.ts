// Original file: proto/oracle.proto


export interface Signal {
  'type'?: (string);
  'priority'?: (string);
  'message'?: (string);
}

export interface Signal__Output {
  'type': (string);
  'priority': (string);
  'message': (string);
}
