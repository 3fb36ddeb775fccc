import { expect } from "chai";
import { InvalidInputError } from "../../lib/errors";

/** The field an InvalidInputError names; fails the test if the call does not throw one. */
export function invalidField(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(InvalidInputError);
    return (err as InvalidInputError).field;
  }
  throw new Error("expected an InvalidInputError");
}
