// Original file: proto/oracle.proto


/**
 * number_repetition and master_number carry number; animal_repetition carries animal.
 */
export interface DetectedPattern {
  'type'?: (string);
  'number'?: (number);
  'animal'?: (string);
  'occurrences'?: (number);
  'strength'?: (string);
  'message'?: (string);
  '_number'?: "number";
  '_animal'?: "animal";
  '_occurrences'?: "occurrences";
}

/**
 * number_repetition and master_number carry number; animal_repetition carries animal.
 */
export interface DetectedPattern__Output {
  'type': (string);
  'number'?: (number);
  'animal'?: (string);
  'occurrences'?: (number);
  'strength': (string);
  'message': (string);
}
