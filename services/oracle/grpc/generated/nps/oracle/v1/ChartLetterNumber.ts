// Original file: proto/oracle.proto


/**
 * A number read from one letter: the cornerstone, capstone and first vowel.
 */
export interface ChartLetterNumber {
  'letter'?: (string);
  'number'?: (number);
  'master'?: (boolean);
  'karmic_debt'?: (number);
  'working'?: (string);
  'meaning'?: (string);
}

/**
 * A number read from one letter: the cornerstone, capstone and first vowel.
 */
export interface ChartLetterNumber__Output {
  'letter': (string);
  'number': (number);
  'master': (boolean);
  'karmic_debt': (number);
  'working': (string);
  'meaning': (string);
}
