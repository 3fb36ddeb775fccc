// Original file: proto/oracle.proto


export interface CheckStampRequest {
  /**
   * required, at most 100 characters, e.g. "VE-OX-OXFI ☀OX-RUWU-RAWU"
   */
  'stamp'?: (string);
  'locale'?: (string);
}

export interface CheckStampRequest__Output {
  /**
   * required, at most 100 characters, e.g. "VE-OX-OXFI ☀OX-RUWU-RAWU"
   */
  'stamp': (string);
  'locale': (string);
}
