import express, { type Router } from "express";
import type { ApiDeps } from "../deps";
import { toErrorResponse } from "../http/error-converter";
import { allowOn } from "../http/method-not-allowed";
import { openSharedReading, SHARE_TOKEN, type OpenedShare } from "./open-shared";

/**
 * The page a share link's `url` (/share/<token>) opens when the web page does not take it (a
 * client that does not ask for HTML, or the page not built): the shared reading as plain,
 * readable HTML. It shows exactly what GET /api/share/<token> returns (the parts the owner
 * chose), and nothing runs in it: no script, every value escaped.
 */

export const SHARE_PAGE_PATH = "/share/:token";

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}" +
  "h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}.text{white-space:pre-wrap}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem;overflow:auto}" +
  "footer{margin-top:2rem;color:#666;font-size:.9rem}";

function page(title: string, body: string, lang = "en"): string {
  return `<!doctype html>\n<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body>${body}</body></html>\n`;
}

const section = (heading: string, html: string): string => `<section><h2>${escapeHtml(heading)}</h2>${html}</section>`;
const text = (s: string): string => `<div class="text">${escapeHtml(s)}</div>`;

/** The told text: the whole of it when the reading has one, else its sections in order. */
function toldText(sections: Record<string, string>): string {
  if (sections.full_text) return sections.full_text;
  return Object.values(sections).filter((s) => s.trim() !== "").join("\n\n");
}

export function renderSharedReading(opened: OpenedShare): string {
  const r = opened.reading;
  const parts: string[] = [`<h1>A shared ${escapeHtml(r.reading_type)} reading</h1>`, `<p>Made ${escapeHtml(r.created_at.slice(0, 10))}.</p>`];
  if (r.profiles && r.profiles.length > 0) {
    parts.push(section("For", `<ul>${r.profiles.map((p) => `<li>${escapeHtml(p.name)}, born ${escapeHtml(p.birth_date)}</li>`).join("")}</ul>`));
  }
  if (r.question) parts.push(section("The question", text(r.question)));
  if (r.ai_interpretation) parts.push(section(r.ai_interpretation.ai_generated ? "The interpretation" : "The reading", text(toldText(r.ai_interpretation.sections))));
  if (r.result) parts.push(section("The numbers", `<pre>${escapeHtml(JSON.stringify(r.result, null, 2))}</pre>`));
  parts.push(`<footer>Shared through NPS: ${escapeHtml(opened.shared_parts.join(", "))}. This link expires ${escapeHtml(opened.expires_at.slice(0, 10))}; opened ${opened.view_count} time(s).</footer>`);
  return page("A shared NPS reading", parts.join("\n"), r.locale);
}

export function sharePageRouter(deps: ApiDeps): Router {
  const router = express.Router();
  router.get(SHARE_PAGE_PATH, async (req, res) => {
    res.locals.route = SHARE_PAGE_PATH;
    // The owner's data: never kept by shared caches, never indexed.
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("X-Robots-Tag", "noindex");
    res.type("html");
    const token = String(req.params.token);
    if (!SHARE_TOKEN.test(token)) {
      res.status(400).send(page("Not a share link", "<h1>Not a share link</h1><p>This address does not hold a share token.</p>"));
      return;
    }
    try {
      res.status(200).send(renderSharedReading(await openSharedReading(deps, token)));
    } catch (err) {
      const { status, body } = toErrorResponse(err);
      if (status >= 500) deps.logger.error({ err }, "shared page failed");
      const message = status === 410 ? "This share link has expired." : status === 404 ? "This share link does not exist, was revoked, or its reading was deleted." : body.error.message;
      res.status(status).send(page("Shared reading unavailable", `<h1>Shared reading unavailable</h1><p>${escapeHtml(message)}</p>`));
    }
  });
  router.all(SHARE_PAGE_PATH, allowOn(["get"]));
  return router;
}
