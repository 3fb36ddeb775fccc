// Original file: proto/oracle.proto


export interface GanzhiHour {
  'stem_token'?: (string);
  'branch_token'?: (string);
  'animal_name'?: (string);
}

export interface GanzhiHour__Output {
  'stem_token': (string);
  'branch_token': (string);
  'animal_name': (string);
}
