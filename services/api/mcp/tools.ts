/**
 * The MCP server's tools: the readings, the chart, the stamp check and the caller's own profiles,
 * each with a typed input schema (the same zod schemas that validate the REST bodies). A tool
 * answers the REST route's JSON, or an error naming the status and the API's message.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { ChartCompatibilityInput, ChartInput } from "../oracle/chart-schemas";
import { dateField, offsetMinutesField, readingTypeField, text, timeField } from "../oracle/fields";
import { ProfileCreateBody } from "../oracle/profile-schemas";
import { DailyBody, MultiBody, NameBody, QuestionBody, StampBody, TimeBody } from "../oracle/reading-schemas";
import { API_VERSION } from "../version";
import type { ApiAnswer, ApiCaller, Query } from "./api-caller";

/** What a tool answers: text content (JSON on success), flagged as an error on a 4xx or 5xx. */
interface ToolAnswer {
  [key: string]: unknown;
  isError?: boolean;
  content: { type: "text"; text: string }[];
}

function answer({ status, body }: ApiAnswer): ToolAnswer {
  if (status >= 400) {
    const err = (body as { error?: { message?: string; fields?: unknown } } | null)?.error;
    const message = err?.message ?? (typeof body === "string" ? body : JSON.stringify(body));
    return { isError: true, content: [{ type: "text", text: `HTTP ${status}: ${message}${err?.fields ? ` ${JSON.stringify(err.fields)}` : ""}` }] };
  }
  return { content: [{ type: "text", text: JSON.stringify(body) }] };
}

const page = {
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).default(0),
};

const TimingInput = z.strictObject({
  date: dateField.optional(),
  time: timeField.optional(),
  timezone_offset_minutes: offsetMinutesField.optional(),
  best_hours: z.number().int().min(1).max(24).default(5),
});

const HistoryInput = z.strictObject({ reading_type: readingTypeField.optional(), profile_id: z.uuid().optional(), search: text(200).optional(), ...page });
const ProfilesInput = z.strictObject({ search: text(100).optional(), ...page });

/** Every tool: name, what it does, its input, and the REST call it makes. */
export const TOOLS = [
  { name: "time_reading", description: "A full reading of one of your profiles at a moment (stored in your history)", input: TimeBody, run: (c: ApiCaller, a: object) => c.call("POST", "/api/oracle/readings", { body: { ...a, reading_type: "time" } }) },
  { name: "daily_reading", description: "The daily reading of one of your profiles (the stored one for the day, or a new one)", input: DailyBody, run: (c: ApiCaller, a: object) => c.call("POST", "/api/oracle/readings", { body: { ...a, reading_type: "daily" } }) },
  { name: "name_reading", description: "The numbers of any name, letter by letter, in a numerology system (stored)", input: NameBody, run: (c: ApiCaller, a: object) => c.call("POST", "/api/oracle/readings", { body: { ...a, reading_type: "name" } }) },
  { name: "question_reading", description: "A question's number and category with the asker's reading (stored encrypted)", input: QuestionBody, run: (c: ApiCaller, a: object) => c.call("POST", "/api/oracle/readings", { body: { ...a, reading_type: "question" } }) },
  { name: "multi_reading", description: "Two to five of your profiles read together: every pair's compatibility and the group (stored)", input: MultiBody, run: (c: ApiCaller, a: object) => c.call("POST", "/api/oracle/readings", { body: { ...a, reading_type: "multi" } }) },
  { name: "chart", description: "The complete numerology chart of a profile or of a name and birth date, every number with its working (stored)", input: ChartInput, run: (c: ApiCaller, a: object) => c.call("POST", "/api/oracle/chart", { body: a }) },
  { name: "chart_compatibility", description: "Two people's compatibility scored 0-100 on life path, expression and soul urge beside NPS's own signals, with reasons", input: ChartCompatibilityInput, run: (c: ApiCaller, a: object) => c.call("POST", "/api/oracle/chart/compatibility", { body: a }) },
  { name: "timing", description: "How well a day and hour align (moon, numbers, weekday) and its best hours", input: TimingInput, run: (c: ApiCaller, a: object) => c.call("GET", "/api/oracle/timing", { query: a as Query }) },
  { name: "check_stamp", description: "Check and decode an FC60 stamp", input: StampBody.omit({ locale: true }), run: (c: ApiCaller, a: object) => c.call("POST", "/api/oracle/validate-stamp", { body: a }) },
  { name: "list_profiles", description: "Your profiles (the people readings are about)", input: ProfilesInput, run: (c: ApiCaller, a: object) => c.call("GET", "/api/oracle/profiles", { query: a as Query }) },
  { name: "create_profile", description: "Create a profile (the mother's names are stored encrypted)", input: ProfileCreateBody, run: (c: ApiCaller, a: object) => c.call("POST", "/api/oracle/profiles", { body: a }) },
  { name: "reading_history", description: "Your stored readings, newest first, with filters and search", input: HistoryInput, run: (c: ApiCaller, a: object) => c.call("GET", "/api/oracle/readings", { query: a as Query }) },
] as const;

/** An MCP server whose tools act through `caller` (one per request over HTTP, one per process over stdio). */
export function createMcpServer(caller: ApiCaller): McpServer {
  const server = new McpServer({ name: "nps", version: API_VERSION });
  for (const tool of TOOLS) {
    server.registerTool(tool.name, { description: tool.description, inputSchema: tool.input }, async (args: object): Promise<ToolAnswer> => {
      try {
        return answer(await tool.run(caller, args));
      } catch (err) {
        return { isError: true, content: [{ type: "text", text: `the API could not be reached: ${err instanceof Error ? err.message : String(err)}` }] };
      }
    });
  }
  return server;
}
