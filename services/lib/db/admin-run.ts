import { CliError } from "../../cli-error";
import { generatePassword, hashPassword } from "../crypto/passwords";
import { InvalidInputError } from "../errors";
import { EXIT_CONFLICT, withCliDatabase } from "./cli-support";
import { ConflictError } from "./errors";
import { checkPassword } from "./first-admin";
import { ROLES, UsersRepository, type Role } from "./repositories/users";

/** The work behind `nps admin create` (loaded only when it runs). */

const USERNAME = /^[A-Za-z0-9_.-]{3,100}$/;

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let data = "";
  for await (const chunk of stream) {
    data += chunk.toString();
    if (data.includes("\n")) break;
  }
  return data.split(/\r?\n/, 1)[0] ?? "";
}

export async function runAdminCreate(opts: { username: string; passwordStdin?: boolean; role: string }): Promise<void> {
  if (!USERNAME.test(opts.username)) throw new InvalidInputError("username", "must be 3 to 100 letters, digits, '_', '.' or '-'");
  if (!(ROLES as readonly string[]).includes(opts.role)) throw new InvalidInputError("role", `must be one of ${ROLES.join(", ")}`);
  let password: string;
  if (opts.passwordStdin) {
    if (process.stdin.isTTY) process.stderr.write("password: ");
    password = await readFirstLine(process.stdin);
    if (password === "") throw new InvalidInputError("password", "nothing was read from standard input");
    checkPassword(password);
  } else {
    password = generatePassword();
  }
  const passwordHash = await hashPassword(password);
  await withCliDatabase({ migrate: true, secretsOf: "backup" }, async ({ db }) => {
    try {
      const user = await new UsersRepository(db).create({ username: opts.username, passwordHash, role: opts.role as Role });
      process.stdout.write(`created ${user.role} "${user.username}" (${user.id})\n`);
      if (!opts.passwordStdin) process.stdout.write(`password: ${password}\nThis password is shown only once: store it now.\n`);
    } catch (err) {
      if (err instanceof ConflictError) throw new CliError(`an account named "${opts.username}" already exists`, EXIT_CONFLICT);
      throw err;
    }
  });
}
