import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * The tag of the images built from a checkout. ECR tags are immutable, so a tag must name one
 * content: the commit (12 hex digits) for a clean work tree, and for uncommitted changes the
 * commit plus the digest of the whole work tree (`git write-tree` over a scratch index), so two
 * different edits never share a tag and the same edit always gets the same one.
 */
export function releaseTag(commit: string, dirtyTree?: string): string {
  if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error(`release tag: "${commit}" is not a commit id`);
  if (dirtyTree === undefined) return commit.slice(0, 12);
  if (!/^[0-9a-f]{40}$/.test(dirtyTree)) throw new Error(`release tag: "${dirtyTree}" is not a tree id`);
  return `${commit.slice(0, 12)}-dirty-${dirtyTree.slice(0, 12)}`;
}

function git(dir: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync("git", args, { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** The release tag of the checkout at `dir`; throws a message naming the way out when it is not one. */
export function checkoutReleaseTag(dir: string): string {
  let commit: string;
  try {
    commit = git(dir, ["rev-parse", "--verify", "HEAD"]);
  } catch {
    throw new Error(`${dir} is not a git checkout with a commit: build from one, or set nps:imageTag to deploy an image ECR already holds`);
  }
  if (git(dir, ["status", "--porcelain", "--untracked-files=all"]) === "") return releaseTag(commit);
  // A scratch copy of the index, so the real one (and what is staged) stays untouched.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "nps-tag-"));
  try {
    const index = path.join(scratch, "index");
    const real = path.resolve(dir, git(dir, ["rev-parse", "--git-path", "index"]));
    if (fs.existsSync(real)) fs.copyFileSync(real, index);
    const env = { ...process.env, GIT_INDEX_FILE: index };
    git(dir, ["add", "--all", "."], env);
    return releaseTag(commit, git(dir, ["write-tree"], env));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
