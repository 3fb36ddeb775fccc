// Original file: proto/oracle.proto

import type { Long } from '@grpc/proto-loader';

export interface Heartbeat {
  'age'?: (number);
  'bpm'?: (number);
  /**
   * "actual" or "estimated"
   */
  'bpm_source'?: (string);
  'beats_per_day'?: (number);
  'total_lifetime_beats'?: (number | string | Long);
  'element'?: (string);
  'rhythm_token'?: (string);
  'life_pulse_signature'?: (string);
}

export interface Heartbeat__Output {
  'age': (number);
  'bpm': (number);
  /**
   * "actual" or "estimated"
   */
  'bpm_source': (string);
  'beats_per_day': (number);
  'total_lifetime_beats': (number);
  'element': (string);
  'rhythm_token': (string);
  'life_pulse_signature': (string);
}
