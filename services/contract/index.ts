/**
 * The contract of the reading path: the lists, the limits, the profile's fields and the reading
 * types, in the spelling of the REST API. Pure data and types; everything from the API's edge to
 * the engine imports it, nothing here imports them.
 */
export * from "./lists";
export * from "./limits";
export * from "./profile";
export * from "./reading-types";
export * from "./type-checks";
