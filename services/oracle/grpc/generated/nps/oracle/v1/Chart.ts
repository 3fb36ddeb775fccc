// Original file: proto/oracle.proto

import type { ChartName as _nps_oracle_v1_ChartName, ChartName__Output as _nps_oracle_v1_ChartName__Output } from '../../../nps/oracle/v1/ChartName';
import type { ChartSystem as _nps_oracle_v1_ChartSystem, ChartSystem__Output as _nps_oracle_v1_ChartSystem__Output } from '../../../nps/oracle/v1/ChartSystem';
import type { ChartLetter as _nps_oracle_v1_ChartLetter, ChartLetter__Output as _nps_oracle_v1_ChartLetter__Output } from '../../../nps/oracle/v1/ChartLetter';
import type { ChartNumber as _nps_oracle_v1_ChartNumber, ChartNumber__Output as _nps_oracle_v1_ChartNumber__Output } from '../../../nps/oracle/v1/ChartNumber';
import type { ChartNumberSet as _nps_oracle_v1_ChartNumberSet, ChartNumberSet__Output as _nps_oracle_v1_ChartNumberSet__Output } from '../../../nps/oracle/v1/ChartNumberSet';
import type { KarmicDebtFound as _nps_oracle_v1_KarmicDebtFound, KarmicDebtFound__Output as _nps_oracle_v1_KarmicDebtFound__Output } from '../../../nps/oracle/v1/KarmicDebtFound';
import type { ChartLetterNumber as _nps_oracle_v1_ChartLetterNumber, ChartLetterNumber__Output as _nps_oracle_v1_ChartLetterNumber__Output } from '../../../nps/oracle/v1/ChartLetterNumber';
import type { ChartPeriod as _nps_oracle_v1_ChartPeriod, ChartPeriod__Output as _nps_oracle_v1_ChartPeriod__Output } from '../../../nps/oracle/v1/ChartPeriod';

export interface Chart {
  'name'?: (_nps_oracle_v1_ChartName | null);
  'system'?: (_nps_oracle_v1_ChartSystem | null);
  'locale'?: (string);
  /**
   * YYYY-MM-DD
   */
  'birth_date'?: (string);
  /**
   * YYYY-MM-DD
   */
  'at'?: (string);
  'letters'?: (_nps_oracle_v1_ChartLetter)[];
  'life_path'?: (_nps_oracle_v1_ChartNumber | null);
  'expression'?: (_nps_oracle_v1_ChartNumber | null);
  'soul_urge'?: (_nps_oracle_v1_ChartNumber | null);
  'personality'?: (_nps_oracle_v1_ChartNumber | null);
  'maturity'?: (_nps_oracle_v1_ChartNumber | null);
  'birthday'?: (_nps_oracle_v1_ChartNumber | null);
  'balance'?: (_nps_oracle_v1_ChartNumber | null);
  'rational_thought'?: (_nps_oracle_v1_ChartNumber | null);
  'subconscious_self'?: (_nps_oracle_v1_ChartNumber | null);
  'hidden_passion'?: (_nps_oracle_v1_ChartNumberSet | null);
  'karmic_lessons'?: (_nps_oracle_v1_ChartNumberSet | null);
  'karmic_debts'?: (_nps_oracle_v1_KarmicDebtFound)[];
  'cornerstone'?: (_nps_oracle_v1_ChartLetterNumber | null);
  'capstone'?: (_nps_oracle_v1_ChartLetterNumber | null);
  /**
   * absent when the first name has no vowel
   */
  'first_vowel'?: (_nps_oracle_v1_ChartLetterNumber | null);
  'pinnacles'?: (_nps_oracle_v1_ChartPeriod)[];
  'challenges'?: (_nps_oracle_v1_ChartPeriod)[];
  'personal_year'?: (_nps_oracle_v1_ChartNumber | null);
  'personal_month'?: (_nps_oracle_v1_ChartNumber | null);
  'personal_day'?: (_nps_oracle_v1_ChartNumber | null);
}

export interface Chart__Output {
  'name': (_nps_oracle_v1_ChartName__Output | null);
  'system': (_nps_oracle_v1_ChartSystem__Output | null);
  'locale': (string);
  /**
   * YYYY-MM-DD
   */
  'birth_date': (string);
  /**
   * YYYY-MM-DD
   */
  'at': (string);
  'letters': (_nps_oracle_v1_ChartLetter__Output)[];
  'life_path': (_nps_oracle_v1_ChartNumber__Output | null);
  'expression': (_nps_oracle_v1_ChartNumber__Output | null);
  'soul_urge': (_nps_oracle_v1_ChartNumber__Output | null);
  'personality': (_nps_oracle_v1_ChartNumber__Output | null);
  'maturity': (_nps_oracle_v1_ChartNumber__Output | null);
  'birthday': (_nps_oracle_v1_ChartNumber__Output | null);
  'balance': (_nps_oracle_v1_ChartNumber__Output | null);
  'rational_thought': (_nps_oracle_v1_ChartNumber__Output | null);
  'subconscious_self': (_nps_oracle_v1_ChartNumber__Output | null);
  'hidden_passion': (_nps_oracle_v1_ChartNumberSet__Output | null);
  'karmic_lessons': (_nps_oracle_v1_ChartNumberSet__Output | null);
  'karmic_debts': (_nps_oracle_v1_KarmicDebtFound__Output)[];
  'cornerstone': (_nps_oracle_v1_ChartLetterNumber__Output | null);
  'capstone': (_nps_oracle_v1_ChartLetterNumber__Output | null);
  /**
   * absent when the first name has no vowel
   */
  'first_vowel': (_nps_oracle_v1_ChartLetterNumber__Output | null);
  'pinnacles': (_nps_oracle_v1_ChartPeriod__Output)[];
  'challenges': (_nps_oracle_v1_ChartPeriod__Output)[];
  'personal_year': (_nps_oracle_v1_ChartNumber__Output | null);
  'personal_month': (_nps_oracle_v1_ChartNumber__Output | null);
  'personal_day': (_nps_oracle_v1_ChartNumber__Output | null);
}
