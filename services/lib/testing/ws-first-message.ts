import WebSocket from "ws";

/** Opens a WebSocket, resolves with its first message as JSON, then closes it. */
export function firstWsMessage<T = { event: string }>(url: string, options: WebSocket.ClientOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once("message", (data) => {
      resolve(JSON.parse(data.toString()) as T);
      ws.close();
    });
    ws.once("error", reject);
    ws.once("close", (code) => reject(new Error(`closed with ${code} before a message`)));
  });
}
