/**
 * The Oracle's reading types, for the gRPC server and for the API's direct mode: construct a
 * ReadingService (optionally with an AI interpreter) and call it with a request object.
 */
export * from "./types";
export { ReadingService, type CallContext, type OracleReadings, type ReadingObserver, type ReadingServiceOptions } from "./reading-service";
export { validate } from "./validation";
