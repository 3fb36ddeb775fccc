// Original file: proto/oracle.proto


export interface GanzhiYear {
  'year'?: (number);
  'stem_index'?: (number);
  'branch_index'?: (number);
  'stem_token'?: (string);
  'branch_token'?: (string);
  'gz_token'?: (string);
  'stem_name'?: (string);
  'animal_name'?: (string);
  'element'?: (string);
  'polarity'?: (string);
  'traditional_name'?: (string);
}

export interface GanzhiYear__Output {
  'year': (number);
  'stem_index': (number);
  'branch_index': (number);
  'stem_token': (string);
  'branch_token': (string);
  'gz_token': (string);
  'stem_name': (string);
  'animal_name': (string);
  'element': (string);
  'polarity': (string);
  'traditional_name': (string);
}
