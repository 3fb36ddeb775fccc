// Original file: proto/oracle.proto


export interface Moon {
  'phase_name'?: (string);
  'emoji'?: (string);
  'age'?: (number | string);
  'illumination'?: (number | string);
  'energy'?: (string);
  'best_for'?: (string);
  'avoid'?: (string);
}

export interface Moon__Output {
  'phase_name': (string);
  'emoji': (string);
  'age': (number);
  'illumination': (number);
  'energy': (string);
  'best_for': (string);
  'avoid': (string);
}
