import { expect } from "chai";
import { planComponent } from "./testing/component-plan";
import { ServiceScaling } from "./autoscaling";

describe("component ServiceScaling (mocks)", () => {
  const base = { clusterName: "c", serviceName: "api", min: 2, max: 6, cpuPercent: 60, memoryPercent: 75, requestsPerTarget: 500 };

  it("tracks CPU, memory and the ALB's requests per target within the bounds", async () => {
    const plan = await planComponent((opts) => new ServiceScaling("sc", { ...base, requests: { kind: "alb", resourceLabel: "app/x/1/targetgroup/y/2" } }, opts));
    expect(plan.one("aws:appautoscaling/target:Target", "sc").inputs).to.include({ minCapacity: 2, maxCapacity: 6, resourceId: "service/c/api" });
    const configs = plan.ofType("aws:appautoscaling/policy:Policy").map((p) => p.inputs.targetTrackingScalingPolicyConfiguration as { targetValue: number });
    expect(configs.map((c) => c.targetValue)).to.have.members([60, 75, 500]);
  });

  it("divides a CloudWatch metric by the running tasks for a service without a load balancer", async () => {
    const plan = await planComponent((opts) => new ServiceScaling("sc", { ...base, requests: { kind: "metric", namespace: "NPS", metricName: "calls", dimensions: { service: "oracle" } } }, opts));
    const custom = plan.one("aws:appautoscaling/policy:Policy", "sc-requests").inputs.targetTrackingScalingPolicyConfiguration as { customizedMetricSpecification: { metrics: Array<{ id: string; expression?: string }> } };
    expect(custom.customizedMetricSpecification.metrics.find((m) => m.id === "perTask")?.expression).to.equal("requests / tasks");
  });
});
