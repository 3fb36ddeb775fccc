import type { Principal } from "../auth/principal";

/**
 * What the API's middleware adds to a request: the authenticated principal (absent for anonymous
 * callers), and why presented credentials were refused (so a route that needs a principal can say).
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
      authFailure?: string;
    }
  }
}

export {};
