// Original file: proto/oracle.proto


export interface GenderPolarity {
  'gender'?: (string);
  'polarity'?: (number);
  'label'?: (string);
  '_gender'?: "gender";
}

export interface GenderPolarity__Output {
  'gender'?: (string);
  'polarity': (number);
  'label': (string);
}
