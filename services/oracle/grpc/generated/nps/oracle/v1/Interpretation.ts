// Original file: proto/oracle.proto

import type { Translation as _nps_oracle_v1_Translation, Translation__Output as _nps_oracle_v1_Translation__Output } from '../../../nps/oracle/v1/Translation';

/**
 * The reading told in sections: by the AI model when ai_generated, otherwise the engine's own text.
 */
export interface Interpretation {
  'ai_generated'?: (boolean);
  /**
   * the model that wrote it; empty when ai_generated is false
   */
  'model'?: (string);
  /**
   * served from the interpretation cache
   */
  'cached'?: (boolean);
  'sections'?: (_nps_oracle_v1_Translation | null);
}

/**
 * The reading told in sections: by the AI model when ai_generated, otherwise the engine's own text.
 */
export interface Interpretation__Output {
  'ai_generated': (boolean);
  /**
   * the model that wrote it; empty when ai_generated is false
   */
  'model': (string);
  /**
   * served from the interpretation cache
   */
  'cached': (boolean);
  'sections': (_nps_oracle_v1_Translation__Output | null);
}
