import { adminRoutes } from "./admin/routes";
import { backupRoutes } from "./admin/backup-routes";
import { authRoutes } from "./auth/routes";
import { healthRoutes } from "./health/routes";
import { locationRoutes } from "./location/routes";
import { mcpRoutes } from "./mcp/routes";
import type { RouteModule } from "./http/route-kit";
import { oracleRoutes } from "./oracle/routes";
import { settingsRoutes } from "./settings/routes";
import { shareRoutes } from "./share/routes";
import { telegramRoutes } from "./telegram/routes";
import { userRoutes } from "./users/routes";

/**
 * Every route module the API serves, mounted in this order. A feature adds its module here
 * (one import, one entry); see services/api/README.md.
 */
export const ROUTE_MODULES: readonly RouteModule[] = [healthRoutes, authRoutes, userRoutes, oracleRoutes, shareRoutes, settingsRoutes, telegramRoutes, adminRoutes, locationRoutes, mcpRoutes, backupRoutes];
