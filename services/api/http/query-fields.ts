import { z } from "zod";

/**
 * Query-string fields: everything arrives as text, so numbers are coerced and booleans spelled
 * out. Shared by every route that pages or filters.
 */

/** true/false (also 1/0, yes/no) in a query string. */
export const queryBool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

/**
 * A whole number in a query string, within bounds; out of bounds, the message names them. (A
 * message given to the number itself would stand for every failure, the bounds' included.)
 */
export const queryInt = (min: number, max: number) => {
  const range = `must be from ${min} to ${max}`;
  return z.coerce
    .number({ error: (issue) => (issue.code === "invalid_type" ? "expected a number" : undefined) })
    .int("expected a whole number")
    .min(min, range)
    .max(max, range);
};

/** limit (1..max, default 20) and offset, as every list takes them. */
export const pagingQuery = (max = 100) =>
  z.object({
    limit: queryInt(1, max).default(20),
    offset: queryInt(0, 1_000_000).default(0),
  });
