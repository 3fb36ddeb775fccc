// Original file: proto/oracle.proto

import type { DecodedStamp as _nps_oracle_v1_DecodedStamp, DecodedStamp__Output as _nps_oracle_v1_DecodedStamp__Output } from '../../../nps/oracle/v1/DecodedStamp';

export interface CheckStampResponse {
  'valid'?: (boolean);
  'stamp'?: (string);
  /**
   * why it is not valid; empty when valid
   */
  'error'?: (string);
  /**
   * absent when not valid
   */
  'decoded'?: (_nps_oracle_v1_DecodedStamp | null);
}

export interface CheckStampResponse__Output {
  'valid': (boolean);
  'stamp': (string);
  /**
   * why it is not valid; empty when valid
   */
  'error': (string);
  /**
   * absent when not valid
   */
  'decoded': (_nps_oracle_v1_DecodedStamp__Output | null);
}
