import { loadTokens } from "./client";

/** A /ws event about a reading being computed: its step and percentage. */
export interface ProgressEvent {
  readonly event: string;
  readonly data: { step?: string; progress?: number; message?: string; reading_type?: string };
}

/**
 * Listens to the signed-in user's /ws events while a reading computes; returns a function that
 * closes the socket. The socket authenticates with its first message, so the token stays out of URLs.
 */
export function listenForProgress(onEvent: (e: ProgressEvent) => void): () => void {
  const tokens = loadTokens();
  if (!tokens || typeof WebSocket === "undefined") return () => undefined;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  let ws: WebSocket;
  try {
    ws = new WebSocket(`${scheme}://${location.host}/ws`);
  } catch {
    return () => undefined;
  }
  ws.onopen = () => ws.send(JSON.stringify({ type: "auth", token: tokens.access_token }));
  ws.onmessage = (msg) => {
    if (typeof msg.data !== "string" || msg.data === "pong") return;
    try {
      onEvent(JSON.parse(msg.data) as ProgressEvent);
    } catch {
      // Not an event: ignore.
    }
  };
  ws.onerror = () => undefined;
  return () => ws.close();
}

/** Opens the socket and resolves once the server has admitted it (or after a short wait). */
export function progressSocket(onEvent: (e: ProgressEvent) => void): Promise<() => void> {
  return new Promise((resolve) => {
    let done = false;
    const close = listenForProgress((e) => {
      if (e.event === "connected" && !done) {
        done = true;
        resolve(close);
        return;
      }
      onEvent(e);
    });
    setTimeout(() => {
      if (!done) {
        done = true;
        resolve(close);
      }
    }, 1500);
  });
}
