// Original file: proto/oracle.proto


export interface GroupAnalysis {
  /**
   * mean of the pair scores
   */
  'harmony_score'?: (number | string);
  'harmony_percentage'?: (number);
  'classification'?: (string);
  /**
   * birth-year element -> members
   */
  'element_balance'?: ({[key: string]: number});
  /**
   * birth-year animal -> members
   */
  'animal_distribution'?: ({[key: string]: number});
  'dominant_element'?: (string);
  'dominant_animal'?: (string);
  'summary'?: (string);
}

export interface GroupAnalysis__Output {
  /**
   * mean of the pair scores
   */
  'harmony_score': (number);
  'harmony_percentage': (number);
  'classification': (string);
  /**
   * birth-year element -> members
   */
  'element_balance': ({[key: string]: number});
  /**
   * birth-year animal -> members
   */
  'animal_distribution': ({[key: string]: number});
  'dominant_element': (string);
  'dominant_animal': (string);
  'summary': (string);
}
