import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import express, { type RequestHandler, type Router } from "express";
import swaggerUi from "swagger-ui-express";
import { z } from "zod";
import { allowOn } from "./method-not-allowed";

/** The one error shape, as documented. */
export const ERROR_SCHEMA = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable machine-readable code, e.g. invalid_input, unauthorized, rate_limited" }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().meta({ description: "Offending field → what is wrong with it" }),
    }),
  })
  .meta({ id: "Error" });

export function createOpenApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "An access token from POST /api/auth/login",
  });
  registry.registerComponent("securitySchemes", "apiKeyAuth", {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: "An API key from POST /api/auth/api-keys (also accepted as a Bearer token)",
  });
  return registry;
}

export function generateOpenApiDocument(registry: OpenAPIRegistry, version: string): ReturnType<OpenApiGeneratorV31["generateDocument"]> {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "NPS API",
      version,
      description: "Numerology Oracle readings, accounts, sharing and health. Every error has the shape {\"error\": {\"code\", \"message\", \"fields\"?}}.",
    },
  });
}

/** GET /openapi.json always; Swagger UI at /docs when enabled. The document is built once, on first request. */
export function openApiRouter(registry: OpenAPIRegistry, version: string, swaggerEnabled: boolean): Router {
  const router = express.Router();
  let document: ReturnType<typeof generateOpenApiDocument> | undefined;
  const doc = () => (document ??= generateOpenApiDocument(registry, version));
  router.get("/openapi.json", (_req, res) => {
    res.locals.route = "/openapi.json";
    res.json(doc());
  });
  router.all("/openapi.json", allowOn(["get"]));
  if (swaggerEnabled) {
    const mark: RequestHandler = (_req, res, next) => {
      res.locals.route = "/docs";
      next();
    };
    router.use("/docs", mark, swaggerUi.serve);
    let page: ReturnType<typeof swaggerUi.setup> | undefined;
    router.get("/docs", (req, res, next) => (page ??= swaggerUi.setup(doc()))(req, res, next));
  }
  return router;
}
