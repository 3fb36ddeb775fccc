// Original file: proto/oracle.proto


/**
 * One number of the chart: its value, whether a master number was kept, the karmic debt met on
 * the way down (0: none), every step of the working, and its meaning.
 */
export interface ChartNumber {
  'number'?: (number);
  'master'?: (boolean);
  'karmic_debt'?: (number);
  'working'?: (string);
  'meaning'?: (string);
}

/**
 * One number of the chart: its value, whether a master number was kept, the karmic debt met on
 * the way down (0: none), every step of the working, and its meaning.
 */
export interface ChartNumber__Output {
  'number': (number);
  'master': (boolean);
  'karmic_debt': (number);
  'working': (string);
  'meaning': (string);
}
