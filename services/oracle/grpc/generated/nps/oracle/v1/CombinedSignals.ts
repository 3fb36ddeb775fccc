// Original file: proto/oracle.proto


export interface CombinedSignals {
  'primary_message'?: (string);
  'supporting_messages'?: (string)[];
  'tensions'?: (string)[];
  'recommended_actions'?: (string)[];
}

export interface CombinedSignals__Output {
  'primary_message': (string);
  'supporting_messages': (string)[];
  'tensions': (string)[];
  'recommended_actions': (string)[];
}
