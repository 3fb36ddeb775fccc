// Original file: proto/oracle.proto


export interface Person {
  'name'?: (string);
  'birthdate'?: (string);
  'age_years'?: (number);
  'age_days'?: (number);
}

export interface Person__Output {
  'name': (string);
  'birthdate': (string);
  'age_years': (number);
  'age_days': (number);
}
