// Original file: proto/oracle.proto


export interface BirthData {
  'jdn'?: (number);
  'jdn_fc60'?: (string);
  'weekday'?: (string);
  'planet'?: (string);
  'year_fc60'?: (string);
}

export interface BirthData__Output {
  'jdn': (number);
  'jdn_fc60': (string);
  'weekday': (string);
  'planet': (string);
  'year_fc60': (string);
}
