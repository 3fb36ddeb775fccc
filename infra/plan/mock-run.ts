import * as pulumi from "@pulumi/pulumi";
import { PlanMocks } from "./mocks";
import { Plan } from "./plan-child";
import { planned } from "./run-plan";
import { watchRegistrations } from "./pulumi-internals";
import type { PlannedResource } from "./run-plan";

/**
 * Declares resources under the same mocks and capture as `nps plan`, in this process: how the
 * component tests build one ComponentResource alone and read what it declared.
 */
export async function declareUnderMocks(
  build: () => void,
  o: { config?: Record<string, string>; secretKeys?: string[]; region?: string } = {},
): Promise<Plan> {
  pulumi.runtime.setAllConfig(o.config ?? {}, o.secretKeys ?? []);
  await pulumi.runtime.setMocks(new PlanMocks(o.region ?? "eu-west-1"), "nps", "test", false);
  const captured: PlannedResource[] = [];
  watchRegistrations((r) => captured.push(planned(r)));
  await pulumi.runtime.runInPulumiStack(async () => {
    build();
    return {};
  });
  await pulumi.runtime.disconnect();
  return new Plan(captured.filter((r) => r.type !== "pulumi:pulumi:Stack"));
}
