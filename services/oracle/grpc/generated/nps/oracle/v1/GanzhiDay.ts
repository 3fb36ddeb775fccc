// Original file: proto/oracle.proto


export interface GanzhiDay {
  'jdn'?: (number);
  'stem_index'?: (number);
  'branch_index'?: (number);
  'stem_token'?: (string);
  'branch_token'?: (string);
  'gz_token'?: (string);
  'stem_name'?: (string);
  'animal_name'?: (string);
  'element'?: (string);
  'polarity'?: (string);
}

export interface GanzhiDay__Output {
  'jdn': (number);
  'stem_index': (number);
  'branch_index': (number);
  'stem_token': (string);
  'branch_token': (string);
  'gz_token': (string);
  'stem_name': (string);
  'animal_name': (string);
  'element': (string);
  'polarity': (string);
}
