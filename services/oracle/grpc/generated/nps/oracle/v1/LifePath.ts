// Original file: proto/oracle.proto


export interface LifePath {
  'number'?: (number);
  'title'?: (string);
  'message'?: (string);
}

export interface LifePath__Output {
  'number': (number);
  'title': (string);
  'message': (string);
}
