/** The reference case file format (see the refvectors README), validated with zod on load. */
import fs from "node:fs";
import { z } from "zod";

const RaisesSchema = z.object({ type: z.string(), message: z.string() });

export const CaseSchema = z
  .looseObject({
    id: z.string().min(1),
    category: z.string(),
    group: z.string().optional(),
    module: z.string().min(1),
    engine: z.string().nullable(),
    method: z.string().min(1),
    args: z.array(z.unknown()).default([]),
    kwargs: z.record(z.string(), z.unknown()).default({}),
    expected: z.unknown().optional(),
    raises: RaisesSchema.optional(),
    text_paths: z.array(z.string()).default([]),
    float_paths: z.array(z.string()).default([]),
    tags: z.array(z.string()).optional(),
    note: z.string().nullable().optional(),
  })
  .superRefine((c, ctx) => {
    const hasExpected = Object.prototype.hasOwnProperty.call(c, "expected");
    if (hasExpected === (c.raises !== undefined)) {
      ctx.addIssue({ code: "custom", message: "a case has exactly one of `expected` and `raises`" });
    }
  });

export type RefCase = z.infer<typeof CaseSchema>;

export const CaseFileSchema = z.looseObject({
  schema_version: z.number().optional(),
  text_field_patterns: z.record(z.string(), z.array(z.string())).default({}),
  cases: z.array(CaseSchema),
});

export type CaseFile = z.infer<typeof CaseFileSchema>;

export class CaseFileError extends Error {
  override readonly name = "CaseFileError";
}

/** Parse and validate a case file's text; errors name the file and the first bad place. */
export function parseCaseFile(text: string, source: string): CaseFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CaseFileError(`${source}: not JSON (${(err as Error).message})`);
  }
  const parsed = CaseFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CaseFileError(`${source}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return parsed.data;
}

export function loadCaseFile(file: string): CaseFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new CaseFileError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseCaseFile(text, file);
}
