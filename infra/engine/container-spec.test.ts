import { expect } from "chai";
import type { PlannedResource } from "../plan/run-plan";
import { containerOrder, createRequest, durationNs } from "./container-spec";

const planned = (name: string, dependsOn: string[]): PlannedResource => ({ type: "docker:index/container:Container", name, parent: null, inputs: {}, dependsOn, protect: false });

describe("the dev stack's containers as Docker Engine API requests", () => {
  it("reads the provider's durations", () => {
    expect(durationNs("30s")).to.equal(30e9);
    expect(durationNs("1m30s")).to.equal(90e9);
    expect(durationNs("500ms")).to.equal(500e6);
    expect(durationNs(undefined)).to.equal(undefined);
    expect(() => durationNs("30 seconds")).to.throw(/not a duration/);
  });

  it("turns limits, health check, mounts, ports, networks and labels into the create request", () => {
    const r = createRequest(
      {
        name: "nps-api-1",
        hostname: "nps-api-1",
        image: "ignored",
        command: ["nps", "start"],
        envs: ["A=1"],
        restart: "unless-stopped",
        cpus: "0.5",
        memory: 256,
        shmSize: 64,
        healthcheck: { tests: ["CMD", "true"], interval: "10s", timeout: "5s", startPeriod: "15s", retries: 3 },
        networksAdvanced: [{ name: "nps", aliases: ["api"] }, { name: "nps-data", aliases: ["api"] }],
        volumes: [{ volumeName: "nps-pgdata", containerPath: "/data" }, { hostPath: "/etc/letsencrypt", containerPath: "/etc/letsencrypt", readOnly: true }],
        ports: [{ internal: 443, external: 8443, ip: "127.0.0.1" }],
        labels: [{ label: "nps.service", value: "api" }],
        logDriver: "json-file",
        logOpts: { "max-size": "10m" },
      },
      "sha256:abc",
    ) as Record<string, any>;
    expect(r.Image).to.equal("sha256:abc");
    expect(r.HostConfig.NanoCpus).to.equal(5e8);
    expect(r.HostConfig.Memory).to.equal(256 * 1024 * 1024);
    expect(r.HostConfig.ShmSize).to.equal(64 * 1024 * 1024);
    expect(r.HostConfig.RestartPolicy).to.deep.equal({ Name: "unless-stopped" });
    expect(r.HostConfig.Binds).to.deep.equal(["nps-pgdata:/data", "/etc/letsencrypt:/etc/letsencrypt:ro"]);
    expect(r.HostConfig.PortBindings).to.deep.equal({ "443/tcp": [{ HostIp: "127.0.0.1", HostPort: "8443" }] });
    expect(r.Healthcheck).to.deep.equal({ Test: ["CMD", "true"], Interval: 10e9, Timeout: 5e9, StartPeriod: 15e9, Retries: 3 });
    expect(r.NetworkingConfig.EndpointsConfig).to.deep.equal({ nps: { Aliases: ["api"] } });
    expect(r._moreNetworks).to.deep.equal([{ name: "nps-data", aliases: ["api"] }]);
    expect(r.Labels).to.deep.equal({ "nps.service": "api" });
  });

  it("orders containers after the ones they depend on, and refuses a cycle", () => {
    const order = containerOrder([planned("nginx", ["api", "web"]), planned("api", ["postgres", "some-network"]), planned("web", []), planned("postgres", [])]);
    const at = (n: string) => order.findIndex((c) => c.name === n);
    expect(at("postgres")).to.be.lessThan(at("api"));
    expect(at("api")).to.be.lessThan(at("nginx"));
    expect(at("web")).to.be.lessThan(at("nginx"));
    expect(() => containerOrder([planned("a", ["b"]), planned("b", ["a"])])).to.throw(/cycle/);
  });
});
