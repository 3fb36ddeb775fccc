import * as path from "node:path";
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { REPO_ROOT } from "../docker/images";
import { relativeContext } from "./image-repository";

/** The script behind the deploy steps (deploy/aws/ecs-step.sh), as run from the project. */
export const ECS_STEP_SCRIPT = path.join(REPO_ROOT, "deploy", "aws", "ecs-step.sh");

export type EcsStep = "run-task" | "check-rollout";

/**
 * A step of `pulumi up` run on the deploying machine with the AWS CLI: Pulumi runs it when the
 * step is created and again whenever one of its triggers changes (a new task definition), and a
 * non-zero exit stops the update there. Preview never runs it.
 */
export function ecsStep(
  name: string,
  step: EcsStep,
  environment: Record<string, pulumi.Input<string>>,
  triggers: pulumi.Input<string>[],
  opts: pulumi.CustomResourceOptions,
): command.local.Command {
  return new command.local.Command(
    name,
    { create: `sh ${relativeContext(ECS_STEP_SCRIPT)} ${step}`, environment, triggers },
    opts,
  );
}
