// Original file: proto/oracle.proto

import type { TimeContext as _nps_oracle_v1_TimeContext, TimeContext__Output as _nps_oracle_v1_TimeContext__Output } from '../../../nps/oracle/v1/TimeContext';
import type { Signal as _nps_oracle_v1_Signal, Signal__Output as _nps_oracle_v1_Signal__Output } from '../../../nps/oracle/v1/Signal';
import type { AnimalRepetition as _nps_oracle_v1_AnimalRepetition, AnimalRepetition__Output as _nps_oracle_v1_AnimalRepetition__Output } from '../../../nps/oracle/v1/AnimalRepetition';
import type { ThemedMessage as _nps_oracle_v1_ThemedMessage, ThemedMessage__Output as _nps_oracle_v1_ThemedMessage__Output } from '../../../nps/oracle/v1/ThemedMessage';
import type { CombinedSignals as _nps_oracle_v1_CombinedSignals, CombinedSignals__Output as _nps_oracle_v1_CombinedSignals__Output } from '../../../nps/oracle/v1/CombinedSignals';

export interface SymbolicReading {
  'opening'?: (string);
  'core_signal'?: (string);
  'day_energy'?: (string);
  'moon_context'?: (string);
  'personal_overlay'?: (string);
  'heartbeat_context'?: (string);
  'location_context'?: (string);
  'year_context'?: (string);
  'time_context'?: (_nps_oracle_v1_TimeContext | null);
  'paradox'?: (string);
  'closing'?: (string);
  'signals'?: (_nps_oracle_v1_Signal)[];
  'animal_repetitions'?: (_nps_oracle_v1_AnimalRepetition)[];
  'confidence'?: (number);
  'animal_element_description'?: (string);
  'planet_moon_insight'?: (string);
  'lifepath_year_insight'?: (string);
  /**
   * empty when there was nothing to cross-reference
   */
  'planet_moon_insight_dict'?: (_nps_oracle_v1_ThemedMessage | null);
  /**
   * empty when there was nothing to cross-reference
   */
  'lifepath_year_insight_dict'?: (_nps_oracle_v1_ThemedMessage | null);
  'animals_collected'?: (string)[];
  'combined_signals'?: (_nps_oracle_v1_CombinedSignals | null);
  '_paradox'?: "paradox";
}

export interface SymbolicReading__Output {
  'opening': (string);
  'core_signal': (string);
  'day_energy': (string);
  'moon_context': (string);
  'personal_overlay': (string);
  'heartbeat_context': (string);
  'location_context': (string);
  'year_context': (string);
  'time_context': (_nps_oracle_v1_TimeContext__Output | null);
  'paradox'?: (string);
  'closing': (string);
  'signals': (_nps_oracle_v1_Signal__Output)[];
  'animal_repetitions': (_nps_oracle_v1_AnimalRepetition__Output)[];
  'confidence': (number);
  'animal_element_description': (string);
  'planet_moon_insight': (string);
  'lifepath_year_insight': (string);
  /**
   * empty when there was nothing to cross-reference
   */
  'planet_moon_insight_dict': (_nps_oracle_v1_ThemedMessage__Output | null);
  /**
   * empty when there was nothing to cross-reference
   */
  'lifepath_year_insight_dict': (_nps_oracle_v1_ThemedMessage__Output | null);
  'animals_collected': (string)[];
  'combined_signals': (_nps_oracle_v1_CombinedSignals__Output | null);
}
