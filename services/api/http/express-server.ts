import http from "node:http";
import type { Express } from "express";

/**
 * Options for the API's node:http server under which each request and response is made with
 * Express's prototypes already in place. Express gives every request and response its own
 * prototypes (Object.setPrototypeOf, twice per request), which also costs V8 the shapes it had
 * learnt for node's objects; made this way, that call finds the prototype already set and does
 * nothing. Any server still works without these options: Express then swaps them as it always has.
 */
export function expressServerOptions(app: Express): http.ServerOptions {
  // Reflect.construct runs node's own constructors (function or class alike) for an object of ours.
  function ApiRequest(socket: unknown): http.IncomingMessage {
    return Reflect.construct(http.IncomingMessage, [socket], ApiRequest) as http.IncomingMessage;
  }
  ApiRequest.prototype = app.request;
  function ApiResponse(req: http.IncomingMessage, options?: unknown): http.ServerResponse {
    return Reflect.construct(http.ServerResponse, [req, options], ApiResponse) as http.ServerResponse;
  }
  ApiResponse.prototype = app.response;
  return { IncomingMessage: ApiRequest as unknown as typeof http.IncomingMessage, ServerResponse: ApiResponse as unknown as typeof http.ServerResponse };
}
