/**
 * The inputs the synthesis functions accept from outside callers: the engine's own structures
 * with any field possibly missing, as a caller may pass a hand-made stamp or profile.
 */
import type { Fc60Stamp, GanzhiData, NumerologyProfile, SymbolicReading } from "../result-types";

export type StampLike = Partial<Fc60Stamp>;
export type GanzhiLike = Partial<GanzhiData>;
export type ReadingLike = Partial<SymbolicReading>;
export type ProfileLike = Partial<Omit<NumerologyProfile, "life_path">> & { life_path?: Partial<NumerologyProfile["life_path"]> };
