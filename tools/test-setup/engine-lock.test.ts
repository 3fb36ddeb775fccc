import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { lockEngine } from "./engine-lock";

describe("the real-engine test lock", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-lock-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("waits while a live process holds it, and is taken once released", async () => {
    const file = path.join(dir, "engine.lock");
    const first = await lockEngine(file);
    let waitedFor = 0;
    let second: { release(): void } | undefined;
    const pending = lockEngine(file, { onWait: (pid) => (waitedFor = pid) }).then((l) => (second = l));
    await new Promise((r) => setTimeout(r, 300));
    expect(second, "taken while held").to.equal(undefined);
    expect(waitedFor).to.equal(process.pid);
    first.release();
    await pending;
    expect(fs.readFileSync(file, "utf8")).to.equal(String(process.pid));
    second!.release();
    expect(fs.existsSync(file)).to.equal(false);
  });

  it("takes over a lock whose holder is gone", async () => {
    const file = path.join(dir, "engine.lock");
    const child = spawn(process.execPath, ["-e", ""]);
    await new Promise((r) => child.once("exit", r));
    fs.writeFileSync(file, String(child.pid));
    const lock = await lockEngine(file, { timeoutMs: 2000 });
    expect(fs.readFileSync(file, "utf8")).to.equal(String(process.pid));
    lock.release();
  });

  it("gives up with the holder's pid after its timeout", async () => {
    const file = path.join(dir, "engine.lock");
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    fs.writeFileSync(file, String(child.pid));
    try {
      let error: Error | undefined;
      await lockEngine(file, { timeoutMs: 100 }).catch((e: Error) => (error = e));
      expect(error?.message).to.include(String(child.pid));
    } finally {
      child.kill();
    }
  });
});
