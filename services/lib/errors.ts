/** An error about one named field: its message reads "field: reason". */
export abstract class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }

  /** The message without the field prefix, for error bodies that carry the field separately. */
  get reason(): string {
    return this.message.slice(this.field.length + 2);
  }
}

/**
 * The one error type for bad input, thrown anywhere from the engine to the API.
 * It names the offending field so the edges can answer precisely: the API turns it
 * into a 400 with `fields`, gRPC into INVALID_ARGUMENT, the CLI into a message and exit 2.
 */
export class InvalidInputError extends FieldError {
  override readonly name = "InvalidInputError";
}

export function isInvalidInput(err: unknown): err is InvalidInputError {
  return err instanceof InvalidInputError;
}
