import { z } from "zod";
import { LIMITS } from "../../contract";
import { dateField, localeField, numerologySystemField, offsetMinutesField, requiredText } from "./fields";

/**
 * The chart's bodies: a stored profile, or a name and a birth date given directly. The day of the
 * personal cycles defaults to today on the profile's clock (or the given offset's).
 */

const person = {
  profile_id: z.uuid().optional().meta({ description: "One of your profiles; or give name and birth_date" }),
  name: requiredText(LIMITS.nameLength).optional().meta({ description: "Any script: Latin, Cyrillic, Persian, Chinese, ..." }),
  birth_date: dateField.optional(),
  numerology_system: numerologySystemField.optional().meta({ description: "Default: the profile's, else auto (abjad for Persian or Arabic script)" }),
};

function profileOrName(p: { profile_id?: string | undefined; name?: string | undefined; birth_date?: string | undefined }, ctx: z.core.$RefinementCtx, path: string[] = []): void {
  if (p.profile_id !== undefined) {
    for (const f of ["name", "birth_date"] as const) {
      if (p[f] !== undefined) ctx.addIssue({ code: "custom", path: [...path, f], message: "give profile_id, or name and birth_date, not both" });
    }
    return;
  }
  for (const f of ["name", "birth_date"] as const) {
    if (p[f] === undefined) ctx.addIssue({ code: "custom", path: [...path, f], message: "required without profile_id" });
  }
}

const clock = {
  date: dateField.optional().meta({ description: "The day of the personal year, month and day; default today" }),
  timezone_offset_minutes: offsetMinutesField.optional().meta({ description: "The clock when no profile gives one; default 0 (UTC)" }),
};

/** The chart's body; ChartBody is the same with its OpenAPI name (a named schema is a $ref, which MCP tools cannot take). */
export const ChartInput = z
  .strictObject({ ...person, ...clock, locale: localeField.default("en").meta({ description: "Language of the meanings" }) })
  .superRefine((b, ctx) => profileOrName(b, ctx));
export const ChartBody = ChartInput.meta({ id: "ChartRequest" });

export const ChartPersonBody = z.strictObject(person).superRefine((b, ctx) => profileOrName(b, ctx));

export const ChartCompatibilityInput = z.strictObject({ a: ChartPersonBody, b: ChartPersonBody, ...clock });
export const ChartCompatibilityBody = ChartCompatibilityInput.meta({ id: "ChartCompatibilityRequest" });

export type ChartBodyInput = z.output<typeof ChartBody>;
export type ChartPersonInput = z.output<typeof ChartPersonBody>;
