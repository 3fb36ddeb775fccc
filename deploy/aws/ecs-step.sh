#!/bin/sh
# Deploy steps `pulumi up` runs on the deploying machine through the AWS CLI (v2), where the
# ECS API alone cannot give Pulumi the answer it needs:
#
# Both take AWS_REGION, the stack's region, so the CLI talks to the region Pulumi deploys to.
#
#   ecs-step.sh run-task       run a one-off task (the migrations before a deployment), wait for
#                              it to stop, fail unless its container exited 0
#     env: CLUSTER TASK_DEFINITION CONTAINER SUBNETS SECURITY_GROUPS COMMAND (JSON array)
#   ecs-step.sh check-rollout  after ECS reports a steady state, fail unless the service really
#                              runs the requested task definition: a deployment the circuit
#                              breaker rolled back also ends steady (terraform-provider-aws#20858)
#     env: CLUSTER SERVICE TASK_DEFINITION
set -eu

fail() {
  echo "ecs-step: $*" >&2
  exit 1
}
need() {
  for v in "$@"; do
    eval "val=\${$v:-}"
    [ -n "$val" ] || fail "$v is not set"
  done
}

case "${1:-}" in
run-task)
  need AWS_REGION CLUSTER TASK_DEFINITION CONTAINER SUBNETS SECURITY_GROUPS COMMAND
  task=$(aws ecs run-task --cluster "$CLUSTER" --task-definition "$TASK_DEFINITION" --launch-type FARGATE \
    --started-by nps-deploy \
    --network-configuration "awsvpcConfiguration={subnets=[$SUBNETS],securityGroups=[$SECURITY_GROUPS],assignPublicIp=DISABLED}" \
    --overrides "{\"containerOverrides\":[{\"name\":\"$CONTAINER\",\"command\":$COMMAND}]}" \
    --query 'tasks[0].taskArn' --output text)
  case "$task" in arn:*) ;; *) fail "RunTask started no task (got \"$task\")" ;; esac
  echo "ecs-step: started $task: $COMMAND"
  # The CLI waiter gives up after 10 minutes; a long migration gets up to an hour.
  waits=1
  until aws ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$task"; do
    [ "$waits" -lt 6 ] || fail "$task has not stopped after an hour (aws ecs stop-task to end it)"
    waits=$((waits + 1))
    echo "ecs-step: still running: $task"
  done
  result=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$task" \
    --query "tasks[0].[containers[?name=='$CONTAINER'] | [0].exitCode, stopCode, stoppedReason]" --output text)
  code=$(printf '%s\n' "$result" | cut -f1)
  [ "$code" = "0" ] || fail "$task failed: exit code $code; $(printf '%s\n' "$result" | cut -f2-) (its log: CloudWatch group of the task definition)"
  echo "ecs-step: $task succeeded"
  ;;
check-rollout)
  need AWS_REGION CLUSTER SERVICE TASK_DEFINITION
  result=$(aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" \
    --query "services[0].deployments[?status=='PRIMARY'] | [0].[taskDefinition, rolloutState, rolloutStateReason]" --output text)
  running=$(printf '%s\n' "$result" | cut -f1)
  state=$(printf '%s\n' "$result" | cut -f2)
  [ "$running" = "$TASK_DEFINITION" ] || fail "$SERVICE runs $running, not $TASK_DEFINITION: the deployment was rolled back ($(printf '%s\n' "$result" | cut -f3-))"
  [ "$state" = "COMPLETED" ] || fail "$SERVICE: deployment of $TASK_DEFINITION is $state"
  echo "ecs-step: $SERVICE runs $TASK_DEFINITION"
  ;;
*)
  fail "usage: ecs-step.sh run-task | check-rollout"
  ;;
esac
