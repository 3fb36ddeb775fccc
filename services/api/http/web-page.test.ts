import { expect } from "chai";
import express from "express";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { findWebRoot, webPageRouter } from "./web-page";

describe("the web page served by the API", () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "nps-web-"));
    fs.mkdirSync(path.join(root, "assets"));
    fs.writeFileSync(path.join(root, "index.html"), "<!doctype html><div id=root></div>");
    fs.writeFileSync(path.join(root, "assets", "index-abc123.js"), "console.log(1)");
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const appWith = (r: string | null) => {
    const app = express();
    app.use(webPageRouter(r));
    app.use((_req, res) => res.status(404).json({ error: { code: "not_found" } }));
    return app;
  };
  const html = { accept: "text/html,application/xhtml+xml" };

  it("answers a browser's page requests with index.html, never cached; the page's router takes the path", async () => {
    for (const p of ["/", "/history", "/readings/3f0c", `/share/${"a".repeat(43)}`]) {
      const res = await request(appWith(root)).get(p).set(html);
      expect(res.status, p).to.equal(200);
      expect(res.text).to.contain("id=root");
      expect(res.headers["cache-control"]).to.equal("no-cache");
    }
  });

  it("serves hashed assets for a year, and leaves the API's own paths alone", async () => {
    const asset = await request(appWith(root)).get("/assets/index-abc123.js");
    expect(asset.status).to.equal(200);
    expect(asset.headers["cache-control"]).to.contain("max-age=31536000").and.contain("immutable");
    for (const p of ["/api/share/x", "/api/nope", "/docs/", "/openapi.json", "/metrics", "/ws", "/mcp"]) {
      const res = await request(appWith(root)).get(p).set(html);
      expect(res.status, p).to.equal(404);
      expect(res.body.error.code, p).to.equal("not_found");
    }
    // A client asking for JSON (not a page) gets the API's 404, not the page.
    expect((await request(appWith(root)).get("/history").set("accept", "application/json")).status).to.equal(404);
    expect((await request(appWith(root)).get("/assets/missing.js")).status).to.equal(404);
  });

  it("says how to build the page when it is not built, with a 503 a browser shows", async () => {
    const res = await request(appWith(null)).get("/").set(html);
    expect(res.status).to.equal(503);
    expect(res.text).to.contain("npm run build:web");
    expect((await request(appWith(null)).get("/api/health").set(html)).status).to.equal(404);
  });

  it("finds web/dist upward from a folder, or nothing", () => {
    const nested = path.join(root, "x", "y");
    fs.mkdirSync(path.join(root, "web", "dist"), { recursive: true });
    fs.writeFileSync(path.join(root, "web", "dist", "index.html"), "x");
    fs.mkdirSync(nested, { recursive: true });
    expect(findWebRoot(nested)).to.equal(path.join(root, "web", "dist"));
    expect(findWebRoot(os.tmpdir())).to.equal(null);
  });
});
