/** A message for the terminal and an exit code; thrown by commands, printed by main() without a stack. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
