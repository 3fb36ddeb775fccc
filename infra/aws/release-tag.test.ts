import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { checkoutReleaseTag, releaseTag } from "./release-tag";

describe("release tags (real git)", () => {
  let dir: string;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
  const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-release-"));
    git("init", "-q");
    git("config", "user.email", "t@example.com");
    git("config", "user.name", "t");
    write(".gitignore", "ignored/\n");
    write("a.txt", "one\n");
    git("add", ".");
    git("commit", "-q", "-m", "first");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("tags a clean checkout by its commit", () => {
    const head = git("rev-parse", "HEAD").trim();
    expect(checkoutReleaseTag(dir)).to.equal(head.slice(0, 12));
  });

  it("gives uncommitted changes their own tag: the same edit the same tag, another edit another, ignored files none", () => {
    const clean = checkoutReleaseTag(dir);
    write("a.txt", "two\n");
    const edited = checkoutReleaseTag(dir);
    expect(edited).to.match(new RegExp(`^${clean}-dirty-[0-9a-f]{12}$`));
    expect(checkoutReleaseTag(dir)).to.equal(edited);
    write("b.txt", "new file\n");
    const added = checkoutReleaseTag(dir);
    expect(added).to.not.equal(edited);
    fs.mkdirSync(path.join(dir, "ignored"));
    write("ignored/x", "not in the image's source\n");
    expect(checkoutReleaseTag(dir)).to.equal(added);
    // The real index is untouched: nothing got staged.
    expect(git("diff", "--cached", "--name-only").trim()).to.equal("");
    fs.rmSync(path.join(dir, "b.txt"));
    write("a.txt", "one\n");
    expect(checkoutReleaseTag(dir)).to.equal(clean);
  });

  it("refuses a directory that is not a checkout, naming nps:imageTag", () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), "nps-nogit-"));
    try {
      expect(() => checkoutReleaseTag(bare)).to.throw(/nps:imageTag/);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });

  it("checks what it builds a tag from", () => {
    expect(() => releaseTag("HEAD")).to.throw(/not a commit/);
    expect(releaseTag("a".repeat(40), "b".repeat(40))).to.equal(`${"a".repeat(12)}-dirty-${"b".repeat(12)}`);
  });
});
