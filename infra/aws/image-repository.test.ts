import { expect } from "chai";
import { planComponent, TEST_KEY_ARN } from "./testing/component-plan";
import { ImageRepository, relativeContext } from "./image-repository";

describe("component ImageRepository (mocks)", () => {
  it("builds and pushes under the release tag, from a context relative to the project, and pins tasks by digest", async () => {
    const plan = await planComponent((opts) => new ImageRepository("img", { release: { build: { context: ".", tag: "0123456789ab" } }, kmsKeyArn: TEST_KEY_ARN, namePrefix: "nps-test" }, opts));
    for (const target of ["app", "web"]) {
      expect(plan.one("aws:ecr/repository:Repository", `img-${target}`).inputs).to.include({ name: `nps-test/${target}`, imageTagMutability: "IMMUTABLE" });
      const image = plan.one("docker:index/image:Image", `img-${target}-image`).inputs;
      expect(image.imageName).to.equal(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/nps-test/${target}:0123456789ab`);
      expect(image.build).to.deep.include({ context: ".", dockerfile: "Dockerfile", target });
    }
    const ref = await new Promise((resolve) => plan.component.app.ref.apply(resolve));
    expect(ref).to.match(/nps-test\/app@sha256:[0-9a-f]{64}$/);
  });

  it("deploys an existing tag without building anything", async () => {
    const plan = await planComponent((opts) => new ImageRepository("img", { release: { existing: "fedcba987654" }, kmsKeyArn: TEST_KEY_ARN, namePrefix: "nps-test" }, opts));
    expect(plan.ofType("docker:index/image:Image")).to.be.empty;
    const ref = await new Promise((resolve) => plan.component.web.ref.apply(resolve));
    expect(ref).to.equal(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/nps-test/web@sha256:${Buffer.from("fedcba987654").toString("hex").padEnd(64, "0")}`);
  });

  it("keeps the context relative", () => {
    expect(relativeContext("/srv/nps", "/srv/nps")).to.equal(".");
    expect(relativeContext("/srv/nps", "/srv/nps/stacks")).to.equal("..");
  });
});
