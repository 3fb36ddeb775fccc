// Original file: proto/oracle.proto

export const NumerologySystem = {
  /**
   * same as AUTO
   */
  NUMEROLOGY_SYSTEM_UNSPECIFIED: 'NUMEROLOGY_SYSTEM_UNSPECIFIED',
  /**
   * abjad for Persian or Arabic script, pythagorean otherwise
   */
  NUMEROLOGY_SYSTEM_AUTO: 'NUMEROLOGY_SYSTEM_AUTO',
  NUMEROLOGY_SYSTEM_PYTHAGOREAN: 'NUMEROLOGY_SYSTEM_PYTHAGOREAN',
  NUMEROLOGY_SYSTEM_CHALDEAN: 'NUMEROLOGY_SYSTEM_CHALDEAN',
  NUMEROLOGY_SYSTEM_ABJAD: 'NUMEROLOGY_SYSTEM_ABJAD',
} as const;

export type NumerologySystem =
  /**
   * same as AUTO
   */
  | 'NUMEROLOGY_SYSTEM_UNSPECIFIED'
  | 0
  /**
   * abjad for Persian or Arabic script, pythagorean otherwise
   */
  | 'NUMEROLOGY_SYSTEM_AUTO'
  | 1
  | 'NUMEROLOGY_SYSTEM_PYTHAGOREAN'
  | 2
  | 'NUMEROLOGY_SYSTEM_CHALDEAN'
  | 3
  | 'NUMEROLOGY_SYSTEM_ABJAD'
  | 4

export type NumerologySystem__Output = typeof NumerologySystem[keyof typeof NumerologySystem]
