import type { Command } from "commander";

/**
 * `nps bench <what>`: throughput measurements. Each subcommand imports its work lazily;
 * `engine` measures the numerology engine in this process; `oracle` the Oracle's gRPC server;
 * `api` the API under autocannon.
 */
export function register(program: Command): void {
  const bench = program.command("bench").description("measure throughput (operations per second)");
  bench
    .command("engine")
    .description("engine throughput: full reading, FC60 stamp, name profile, complete chart")
    .option("--json", "print one JSON object of operations per second")
    .option("--quick", "fewer and shorter repetitions")
    .action(async (opts: { json?: boolean; quick?: boolean }) => {
      const { runEngineBench } = await import("./engine-bench.js");
      await runEngineBench({ json: opts.json === true, quick: opts.quick === true });
    });
  bench
    .command("oracle")
    .description("Oracle gRPC throughput: GetReading vs the empty call (health Check) at 32 in flight, and in-process")
    .option("--json", "print one JSON object of calls per second")
    .option("--quick", "fewer and shorter rounds")
    .action(async (opts: { json?: boolean; quick?: boolean }) => {
      const { runOracleBench } = await import("./oracle-bench.js");
      await runOracleBench({ json: opts.json === true, quick: opts.quick === true });
    });
  bench
    .command("storage")
    .description("bytes on disk per stored reading (pg_total_relation_size over a known count), made through the API on a scratch database")
    .option("--json", "print one JSON object of bytes per reading")
    .option("--quick", "fewer readings")
    .action(async (opts: { json?: boolean; quick?: boolean }) => {
      const { runStorageBench } = await import("./storage-bench.js");
      await runStorageBench({ json: opts.json === true, quick: opts.quick === true });
    });
  bench
    .command("api")
    .description("API throughput under autocannon (50 connections): health, a persisted time reading, a history page, each beside bare node:http")
    .option("--json", "print one JSON object of requests per second, p99 and ratios")
    .option("--quick", "one shorter round per scenario")
    .action(async (opts: { json?: boolean; quick?: boolean }) => {
      const { runApiBench } = await import("./api-bench.js");
      await runApiBench({ json: opts.json === true, quick: opts.quick === true });
    });
  bench
    .command("backup")
    .description("nps backup --type full against a raw pg_dump | gzip of the same database, at two sizes, with peak RSS")
    .option("--json", "print one JSON object")
    .option("--readings <n>", "readings at the first size (the second has twice as many)", "100000")
    .option("--rounds <n>", "timed rounds per size (best kept)", "2")
    .action(async (opts: { json?: boolean; readings: string; rounds: string }) => {
      const { runBackupBench } = await import("./backup-bench.js");
      await runBackupBench({ json: opts.json === true, readings: Math.max(1000, Number(opts.readings) || 100000), rounds: Math.max(1, Number(opts.rounds) || 2) });
    });
}
