// Original file: proto/oracle.proto


export interface ThemedMessage {
  'theme'?: (string);
  'message'?: (string);
}

export interface ThemedMessage__Output {
  'theme': (string);
  'message': (string);
}
