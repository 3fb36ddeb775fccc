// Original file: proto/oracle.proto

export const Gender = {
  GENDER_UNSPECIFIED: 'GENDER_UNSPECIFIED',
  GENDER_MALE: 'GENDER_MALE',
  GENDER_FEMALE: 'GENDER_FEMALE',
} as const;

export type Gender =
  | 'GENDER_UNSPECIFIED'
  | 0
  | 'GENDER_MALE'
  | 1
  | 'GENDER_FEMALE'
  | 2

export type Gender__Output = typeof Gender[keyof typeof Gender]
