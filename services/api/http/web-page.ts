import fs from "node:fs";
import path from "node:path";
import express, { type RequestHandler, type Router } from "express";

/**
 * The web page's static files (web/dist, built by `npm run build:web`), served by the API at /
 * so `nps start` alone shows the page. Hashed assets are cached for a year; index.html never, so
 * a new build shows at the next load. Any other GET a browser makes for a page (Accept: text/html)
 * outside the API's own paths gets index.html, and the page's router takes it from there
 * (/share/<token> included; the JSON stays at /api/share/<token>).
 */

/** Paths the API answers itself; never the page's, whatever the Accept header says. */
const API_PATHS = /^\/(api|ws|mcp|metrics|openapi\.json|docs)(\/|$)/;

/** web/dist of the checkout, found upward from here (compiled code under dist/ finds it too), or null. */
export function findWebRoot(start: string = __dirname): string | null {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "web", "dist");
    if (fs.existsSync(path.join(candidate, "index.html"))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>NPS</title>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>The web page is not built</h1><p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it when needed), then reload.
The API itself is up: <a href="/api/health">/api/health</a>, <a href="/openapi.json">/openapi.json</a>.</p></body></html>`;

function wantsPage(req: express.Request): boolean {
  return (req.method === "GET" || req.method === "HEAD") && !API_PATHS.test(req.path) && (req.headers.accept ?? "").includes("text/html");
}

export function webPageRouter(root: string | null = findWebRoot()): Router {
  const router = express.Router();
  const mark: RequestHandler = (_req, res, next) => {
    res.locals.route = "/(web)";
    next();
  };
  if (root === null) {
    router.get("/", mark, (req, res, next) => (wantsPage(req) ? res.status(503).type("html").send(NOT_BUILT) : next()));
    return router;
  }
  const index = fs.readFileSync(path.join(root, "index.html"));
  router.use(
    "/assets",
    mark,
    express.static(path.join(root, "assets"), { immutable: true, maxAge: "365d", index: false, fallthrough: true }),
  );
  router.use(mark, express.static(root, { index: false, maxAge: "1h", fallthrough: true }));
  router.use((req, res, next) => {
    if (!wantsPage(req)) return next();
    res.locals.route = "/(web)";
    res.setHeader("Cache-Control", "no-cache");
    res.type("html").send(index);
  });
  return router;
}
