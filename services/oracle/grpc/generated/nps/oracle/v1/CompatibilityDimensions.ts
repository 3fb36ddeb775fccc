// Original file: proto/oracle.proto


export interface CompatibilityDimensions {
  /**
   * weight 0.30
   */
  'life_path'?: (number | string);
  /**
   * 0.25, birth-year elements
   */
  'element'?: (number | string);
  /**
   * 0.20, birth-year animals
   */
  'animal'?: (number | string);
  /**
   * 0.15, moon phases at birth
   */
  'moon'?: (number | string);
  /**
   * 0.10, shared patterns of the readings
   */
  'patterns'?: (number | string);
}

export interface CompatibilityDimensions__Output {
  /**
   * weight 0.30
   */
  'life_path': (number);
  /**
   * 0.25, birth-year elements
   */
  'element': (number);
  /**
   * 0.20, birth-year animals
   */
  'animal': (number);
  /**
   * 0.15, moon phases at birth
   */
  'moon': (number);
  /**
   * 0.10, shared patterns of the readings
   */
  'patterns': (number);
}
