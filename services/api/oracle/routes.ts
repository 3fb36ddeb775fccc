import type { ApiRouter, RouteModule } from "../http/route-kit";
import { registerChartRoutes } from "./chart-routes";
import { registerHistoryRoutes } from "./history-routes";
import { registerProfileRoutes } from "./profile-routes";
import { registerReadingRoutes } from "./reading-routes";

/**
 * /api/oracle: profiles, readings of every type, history, favourites, feedback, statistics, the
 * daily reading of a profile, timing and the stamp check. Every read and write is checked against
 * the caller: an owner reaches their own rows; administrators and moderators reach everyone's.
 */
export const oracleRoutes: RouteModule = {
  base: "/api/oracle",
  tag: "oracle",
  register(r: ApiRouter) {
    registerProfileRoutes(r);
    // History first: its fixed paths (/readings/stats) must be matched before /readings/:reading_id.
    registerHistoryRoutes(r);
    registerReadingRoutes(r);
    registerChartRoutes(r);
  },
};
