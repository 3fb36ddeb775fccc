// Original file: proto/oracle.proto


/**
 * A pinnacle or a challenge; to_age and to_year are 0 for the last, which runs for the rest of life.
 */
export interface ChartPeriod {
  'index'?: (number);
  'number'?: (number);
  'master'?: (boolean);
  'karmic_debt'?: (number);
  'working'?: (string);
  'meaning'?: (string);
  'from_age'?: (number);
  'to_age'?: (number);
  'from_year'?: (number);
  'to_year'?: (number);
}

/**
 * A pinnacle or a challenge; to_age and to_year are 0 for the last, which runs for the rest of life.
 */
export interface ChartPeriod__Output {
  'index': (number);
  'number': (number);
  'master': (boolean);
  'karmic_debt': (number);
  'working': (string);
  'meaning': (string);
  'from_age': (number);
  'to_age': (number);
  'from_year': (number);
  'to_year': (number);
}
