import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { I18nProvider, type Locale } from "../i18n/i18n";

/** Renders inside the page's providers, in one language. */
export function renderIn(locale: Locale, ui: ReactNode, path = "/") {
  return render(
    <I18nProvider locale={locale}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </I18nProvider>,
  );
}

/** A fetch that answers each request by the first route whose pattern matches "METHOD path". */
export function fakeApi(routes: Array<[RegExp, (body: unknown) => { status?: number; json?: unknown; headers?: Record<string, string> }]>) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const route = routes.find(([re]) => re.test(`${method} ${url}`));
    if (!route) return new Response(JSON.stringify({ error: { code: "not_found", message: "no route" } }), { status: 404 });
    const answer = route[1](body);
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.json ?? {}), { status: answer.status ?? 200, headers: { "content-type": "application/json", ...answer.headers } });
  };
  return { fetchImpl, calls };
}
