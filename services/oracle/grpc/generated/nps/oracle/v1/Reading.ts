// Original file: proto/oracle.proto

import type { Person as _nps_oracle_v1_Person, Person__Output as _nps_oracle_v1_Person__Output } from '../../../nps/oracle/v1/Person';
import type { BirthData as _nps_oracle_v1_BirthData, BirthData__Output as _nps_oracle_v1_BirthData__Output } from '../../../nps/oracle/v1/BirthData';
import type { CurrentData as _nps_oracle_v1_CurrentData, CurrentData__Output as _nps_oracle_v1_CurrentData__Output } from '../../../nps/oracle/v1/CurrentData';
import type { Numerology as _nps_oracle_v1_Numerology, Numerology__Output as _nps_oracle_v1_Numerology__Output } from '../../../nps/oracle/v1/Numerology';
import type { Patterns as _nps_oracle_v1_Patterns, Patterns__Output as _nps_oracle_v1_Patterns__Output } from '../../../nps/oracle/v1/Patterns';
import type { Confidence as _nps_oracle_v1_Confidence, Confidence__Output as _nps_oracle_v1_Confidence__Output } from '../../../nps/oracle/v1/Confidence';
import type { Fc60Stamp as _nps_oracle_v1_Fc60Stamp, Fc60Stamp__Output as _nps_oracle_v1_Fc60Stamp__Output } from '../../../nps/oracle/v1/Fc60Stamp';
import type { Moon as _nps_oracle_v1_Moon, Moon__Output as _nps_oracle_v1_Moon__Output } from '../../../nps/oracle/v1/Moon';
import type { Ganzhi as _nps_oracle_v1_Ganzhi, Ganzhi__Output as _nps_oracle_v1_Ganzhi__Output } from '../../../nps/oracle/v1/Ganzhi';
import type { Heartbeat as _nps_oracle_v1_Heartbeat, Heartbeat__Output as _nps_oracle_v1_Heartbeat__Output } from '../../../nps/oracle/v1/Heartbeat';
import type { Location as _nps_oracle_v1_Location, Location__Output as _nps_oracle_v1_Location__Output } from '../../../nps/oracle/v1/Location';
import type { SymbolicReading as _nps_oracle_v1_SymbolicReading, SymbolicReading__Output as _nps_oracle_v1_SymbolicReading__Output } from '../../../nps/oracle/v1/SymbolicReading';
import type { Translation as _nps_oracle_v1_Translation, Translation__Output as _nps_oracle_v1_Translation__Output } from '../../../nps/oracle/v1/Translation';

/**
 * Everything the engine computes for one person at one moment. The engine's "synthesis" is
 * translation.full_text; it is not sent twice (clients restore it from the translation).
 */
export interface Reading {
  'person'?: (_nps_oracle_v1_Person | null);
  'birth'?: (_nps_oracle_v1_BirthData | null);
  'current'?: (_nps_oracle_v1_CurrentData | null);
  'numerology'?: (_nps_oracle_v1_Numerology | null);
  'patterns'?: (_nps_oracle_v1_Patterns | null);
  'confidence'?: (_nps_oracle_v1_Confidence | null);
  'fc60_stamp'?: (_nps_oracle_v1_Fc60Stamp | null);
  'moon'?: (_nps_oracle_v1_Moon | null);
  'ganzhi'?: (_nps_oracle_v1_Ganzhi | null);
  'heartbeat'?: (_nps_oracle_v1_Heartbeat | null);
  /**
   * absent without coordinates
   */
  'location'?: (_nps_oracle_v1_Location | null);
  'reading'?: (_nps_oracle_v1_SymbolicReading | null);
  'translation'?: (_nps_oracle_v1_Translation | null);
  /**
   * Set on a reading of the moment alone (a name or question reading asked without a profile):
   * what it leaves out for want of a birth date ("person", "birth", "life_path", "heartbeat"...).
   * Such a reading has no person, birth, numerology, heartbeat or location.
   */
  'left_out'?: (string)[];
}

/**
 * Everything the engine computes for one person at one moment. The engine's "synthesis" is
 * translation.full_text; it is not sent twice (clients restore it from the translation).
 */
export interface Reading__Output {
  'person': (_nps_oracle_v1_Person__Output | null);
  'birth': (_nps_oracle_v1_BirthData__Output | null);
  'current': (_nps_oracle_v1_CurrentData__Output | null);
  'numerology': (_nps_oracle_v1_Numerology__Output | null);
  'patterns': (_nps_oracle_v1_Patterns__Output | null);
  'confidence': (_nps_oracle_v1_Confidence__Output | null);
  'fc60_stamp': (_nps_oracle_v1_Fc60Stamp__Output | null);
  'moon': (_nps_oracle_v1_Moon__Output | null);
  'ganzhi': (_nps_oracle_v1_Ganzhi__Output | null);
  'heartbeat': (_nps_oracle_v1_Heartbeat__Output | null);
  /**
   * absent without coordinates
   */
  'location': (_nps_oracle_v1_Location__Output | null);
  'reading': (_nps_oracle_v1_SymbolicReading__Output | null);
  'translation': (_nps_oracle_v1_Translation__Output | null);
  /**
   * Set on a reading of the moment alone (a name or question reading asked without a profile):
   * what it leaves out for want of a birth date ("person", "birth", "life_path", "heartbeat"...).
   * Such a reading has no person, birth, numerology, heartbeat or location.
   */
  'left_out': (string)[];
}
