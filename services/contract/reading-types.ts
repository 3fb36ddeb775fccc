/**
 * The reading types, one row each. Adding a type starts here (services/README.md, "Adding a
 * reading type", lists the rest): the Oracle's RPC table, the reading service, the API's request
 * bodies and the stored-reading codec are keyed by ReadingType, so a type missing from one of them
 * does not compile, and a test holds the database's CHECK constraint to this list.
 */

export interface ReadingTypeInfo {
  /** The Oracle's RPC in proto/oracle.proto. */
  readonly rpc: string;
  /** Whether the type can carry an AI interpretation (include_ai counts against the AI limit). */
  readonly ai: boolean;
}

/** In the order the API documents them. */
export const READING_TYPE_INFO = {
  time: { rpc: "GetReading", ai: true },
  name: { rpc: "GetNameReading", ai: true },
  question: { rpc: "GetQuestionReading", ai: true },
  daily: { rpc: "GetDailyReading", ai: true },
  multi: { rpc: "GetMultiReading", ai: true },
  timing: { rpc: "GetTimingAlignment", ai: false },
  stamp: { rpc: "CheckStamp", ai: false },
  chart: { rpc: "GetChart", ai: false },
} as const satisfies Record<string, ReadingTypeInfo>;

export type ReadingType = keyof typeof READING_TYPE_INFO;
export const READING_TYPES = Object.keys(READING_TYPE_INFO) as [ReadingType, ...ReadingType[]];
/** The types whose requests may ask for an AI interpretation. */
export type InterpretedReadingType = { [K in ReadingType]: (typeof READING_TYPE_INFO)[K]["ai"] extends true ? K : never }[ReadingType];
