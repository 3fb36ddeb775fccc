import * as pulumi from "@pulumi/pulumi";
import * as docker from "@pulumi/docker";
import { expect } from "chai";
import { SUPPORT, WORKLOADS } from "../catalog";
import { declareUnderMocks } from "../plan/mock-run";
import { CatalogContainers, RESTART_POLICY } from "./catalog-containers";
import { DevCertificate } from "./dev-certificate";
import { DevImages } from "./images";

const CONTAINER = "docker:index/container:Container";

// Each dev-stack component alone, under the same mocks as `nps plan`.
describe("dev stack components", function () {
  this.timeout(30_000);

  it("CatalogContainers: one container per replica, with the entry's limits, health check, aliases and dependencies", async () => {
    const plan = await declareUnderMocks(() => {
      const net = new docker.Network("n", { name: "n" });
      const vol = new docker.Volume("v", { name: "v" });
      const before = new docker.Network("before", { name: "before" });
      new CatalogContainers("api", {
        entry: WORKLOADS.api,
        image: "nps-app:test",
        replicas: 2,
        networks: [net],
        volumes: [{ volume: vol, path: "/data" }],
        publish: [{ internal: 8000, external: 18000 }],
        dependsOn: [before],
      });
    });
    const containers = plan.children("api", CONTAINER);
    expect(containers.map((c) => c.name)).to.deep.equal(["nps-api-1", "nps-api-2"]);
    const c = containers[0].inputs;
    expect(c.command).to.deep.equal(["nps", "start", "--only", "api"]);
    expect(c.restart).to.equal(RESTART_POLICY);
    expect(c.cpus).to.equal(String(WORKLOADS.api.resources.cpu));
    expect(c.memory).to.equal(WORKLOADS.api.resources.memoryMb);
    expect(c.networksAdvanced).to.deep.equal([{ name: "n", aliases: ["api"] }]);
    expect(c.volumes).to.deep.equal([{ volumeName: "v", containerPath: "/data" }]);
    expect(c.ports).to.deep.equal([{ internal: 8000, external: 18000, ip: "127.0.0.1" }]);
    const hc = c.healthcheck as { tests: string[]; interval: string; retries: number };
    expect(hc.tests.join(" ")).to.include(`127.0.0.1:${WORKLOADS.api.health.kind === "http" ? WORKLOADS.api.health.port : 0}`);
    expect([hc.interval, hc.retries]).to.deep.equal([`${WORKLOADS.api.healthTiming.intervalS}s`, WORKLOADS.api.healthTiming.retries]);
    expect(containers[1].dependsOn).to.include("before");
  });

  it("CatalogContainers: one container named after the entry, publishing on every address only when public", async () => {
    const plan = await declareUnderMocks(() => {
      const net = new docker.Network("n", { name: "n" });
      new CatalogContainers("nginx", { entry: SUPPORT.nginx, image: "nginx:test", replicas: 1, networks: [net], publish: [{ internal: 443, external: 8443, public: true }] });
    });
    const c = plan.one(CONTAINER, "nps-nginx").inputs;
    expect(c.ports).to.deep.equal([{ internal: 443, external: 8443, ip: "0.0.0.0" }]);
    expect(c.command).to.equal(undefined);
  });

  it("DevCertificate: an ECDSA key kept secret and a server certificate for the domain and localhost", async () => {
    let cert: DevCertificate | undefined;
    const plan = await declareUnderMocks(() => {
      cert = new DevCertificate("c", { domain: "nps.example.com" });
    });
    expect(plan.one("tls:index/privateKey:PrivateKey", "c-key").inputs.algorithm).to.equal("ECDSA");
    const sc = plan.one("tls:index/selfSignedCert:SelfSignedCert", "c-cert").inputs;
    expect(sc.dnsNames).to.deep.equal(["nps.example.com", "localhost"]);
    expect(sc.allowedUses).to.include("server_auth");
    const secret = await pulumi.isSecret((cert as DevCertificate).privateKeyPem);
    expect(secret).to.equal(true);
  });

  it("DevImages: builds the app and web stages locally, never pushed; support images by their catalog names", async () => {
    const plan = await declareUnderMocks(() => {
      const images = new DevImages("i", { tag: "t1" });
      images.support("postgres");
      images.support("postgres");
    });
    const app = plan.one("docker:index/image:Image", "i-app").inputs as { imageName: string; skipPush: boolean; build: { target: string } };
    expect([app.imageName, app.skipPush, app.build.target]).to.deep.equal(["nps-app:t1", true, "app"]);
    expect(plan.one("docker:index/image:Image", "i-web").inputs.imageName).to.equal("nps-web:t1");
    const remote = plan.ofType("docker:index/remoteImage:RemoteImage");
    expect(remote.map((r) => r.inputs.name)).to.deep.equal([SUPPORT.postgres.image]);
  });
});
