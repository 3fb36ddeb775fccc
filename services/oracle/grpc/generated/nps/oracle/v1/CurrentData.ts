// Original file: proto/oracle.proto


export interface CurrentData {
  'date'?: (string);
  'jdn'?: (number);
  'jdn_fc60'?: (string);
  'weekday'?: (string);
  'planet'?: (string);
  'domain'?: (string);
  'year_fc60'?: (string);
}

export interface CurrentData__Output {
  'date': (string);
  'jdn': (number);
  'jdn_fc60': (string);
  'weekday': (string);
  'planet': (string);
  'domain': (string);
  'year_fc60': (string);
}
