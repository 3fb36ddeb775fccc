// Original file: proto/oracle.proto


export interface AnimalRepetition {
  'animal'?: (string);
  'animal_name'?: (string);
  'count'?: (number);
  'priority'?: (string);
  'trait'?: (string);
  'action'?: (string);
}

export interface AnimalRepetition__Output {
  'animal': (string);
  'animal_name': (string);
  'count': (number);
  'priority': (string);
  'trait': (string);
  'action': (string);
}
