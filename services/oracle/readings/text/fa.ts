/**
 * Persian words of the reading types (daily insights, compatibility, timing). Whatever is left out
 * here is told in English; the engine's own Persian text lives in engine/text/fa/.
 */
import type { LocaleText } from "../../../lib/locale-text";
import type { ReadingsText } from "./en";

export const FA: LocaleText<ReadingsText> = {};
