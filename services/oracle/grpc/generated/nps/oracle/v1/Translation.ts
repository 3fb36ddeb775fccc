// Original file: proto/oracle.proto


/**
 * The reading in sections, and all of them joined in full_text.
 */
export interface Translation {
  'header'?: (string);
  'universal_address'?: (string);
  'core_identity'?: (string);
  'foundation'?: (string);
  'right_now'?: (string);
  'patterns'?: (string);
  'message'?: (string);
  'advice'?: (string);
  'caution'?: (string);
  'footer'?: (string);
  'full_text'?: (string);
}

/**
 * The reading in sections, and all of them joined in full_text.
 */
export interface Translation__Output {
  'header': (string);
  'universal_address': (string);
  'core_identity': (string);
  'foundation': (string);
  'right_now': (string);
  'patterns': (string);
  'message': (string);
  'advice': (string);
  'caution': (string);
  'footer': (string);
  'full_text': (string);
}
