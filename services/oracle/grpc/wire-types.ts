/**
 * The generated message types under short names (proto-loader-gen-types writes one file per
 * message; `npm run proto:types` rewrites them, never this file).
 */
export type * from "./generated/nps/oracle/v1/CheckStampRequest";
export type * from "./generated/nps/oracle/v1/GetChartCompatibilityRequest";
export type * from "./generated/nps/oracle/v1/GetChartRequest";
export type * from "./generated/nps/oracle/v1/GetDailyReadingRequest";
export type * from "./generated/nps/oracle/v1/GetMultiReadingRequest";
export type * from "./generated/nps/oracle/v1/GetNameReadingRequest";
export type * from "./generated/nps/oracle/v1/GetQuestionReadingRequest";
export type * from "./generated/nps/oracle/v1/GetReadingRequest";
export type * from "./generated/nps/oracle/v1/GetTimingAlignmentRequest";
export type * from "./generated/nps/oracle/v1/Profile";
export type * from "./generated/nps/oracle/v1/Reading";
export type * from "./generated/nps/oracle/v1/Fc60Stamp";
