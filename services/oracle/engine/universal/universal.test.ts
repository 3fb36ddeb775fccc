import { expect } from "chai";
import { invalidField } from "../invalid-field.test-helper";
import { hourGanzhi } from "./ganzhi-engine";
import { locationSignature, timezoneEstimate } from "./location-engine";
import { fullMoonInfo, moonIllumination } from "./moon-engine";


describe("engine universal tier", () => {
  it("rejects a latitude outside [-90, 90] or a longitude outside [-180, 180]", () => {
    expect(invalidField(() => locationSignature(91, 0))).to.equal("latitude");
    expect(invalidField(() => locationSignature(-90.5, 0))).to.equal("latitude");
    expect(invalidField(() => locationSignature(Number.NaN, 0))).to.equal("latitude");
    expect(invalidField(() => locationSignature(0, 180.01))).to.equal("longitude");
    expect(locationSignature(90, -180)).to.deep.include({ element: "Wood", timezone_estimate: -12 });
  });

  it("estimates the zone with half-hours going to the even hour", () => {
    expect([7.5, 22.5, -7.5, -0.1].map(timezoneEstimate)).to.deep.equal([0, 2, 0, 0]);
    expect(Object.is(timezoneEstimate(-0.1), -0)).to.equal(false);
  });

  it("gives the rat hour to 23:00 and 00:00", () => {
    expect(hourGanzhi(23, 0)[1]).to.equal(0);
    expect(hourGanzhi(0, 0)[1]).to.equal(0);
    expect(hourGanzhi(1, 0)[1]).to.equal(1);
  });

  it("rounds moon age and illumination like the reference", () => {
    expect(fullMoonInfo(2461078)).to.deep.include({ phase_name: "Waning Gibbous", age: 19.05, illumination: 80.6 });
    expect(moonIllumination(0)).to.equal(0);
    expect(moonIllumination(29.530588853 / 2)).to.equal(100);
  });
});
