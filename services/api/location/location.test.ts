import { expect } from "chai";
import { useTestDatabase } from "../../lib/testing/test-database";
import { client, createProfile, createReading } from "../oracle/testing/feature-client";
import { startTestApi, type SignedInUser, type TestApi } from "../testing/api-harness";
import { findCities, findCountries, nearestCity, searchKey } from "./places";

describe("places and time zones", () => {
  describe("the offline index", () => {
    it("finds countries by prefix in English and in Persian", () => {
      expect(findCountries("ira").map((c) => c.code)).to.include.members(["IR", "IQ"]);
      expect(findCountries("ایر").map((c) => c.code)).to.include("IR");
      const iran = findCountries("IR").find((c) => c.code === "IR")!;
      expect(iran).to.include({ name_fa: "ایران", timezone: "Asia/Tehran" });
      expect(findCountries("united").map((c) => c.code)).to.include.members(["US", "GB"]);
      expect(findCountries("zzzz")).to.deep.equal([]);
      expect(findCountries("").length).to.be.greaterThan(240);
    });

    it("writes Arabic and Persian letter forms alike", () => {
      expect(searchKey("ايران")).to.equal(searchKey("ایران"));
      expect(searchKey("Zürich")).to.equal("zurich");
    });

    it("finds a country's cities by prefix, largest first, each with coordinates and zone", () => {
      const us = findCities("us", "new y");
      expect(us[0]).to.include({ name: "New York", timezone: "America/New_York", country_code: "US" });
      expect(us[0]!.latitude).to.be.closeTo(40.7, 0.2);
      const tehran = findCities("IR", "teh")[0]!;
      expect(tehran).to.include({ name: "Tehran", timezone: "Asia/Tehran" });
      expect(findCities("IR").length).to.be.greaterThan(20);
      expect(findCities("XX")).to.deep.equal([]);
    });

    it("gives typed coordinates the zone of the nearest listed city", () => {
      const { city, distance_km } = nearestCity(35.7, 51.42);
      expect(city.timezone).to.equal("Asia/Tehran");
      expect(distance_km).to.be.lessThan(30);
      expect(nearestCity(40.71, -74.0).city.timezone).to.equal("America/New_York");
    });
  });

  describe("the routes", () => {
    const t = useTestDatabase();
    let api: TestApi;
    let alice: SignedInUser;

    before(async () => {
      api = await startTestApi(t.db);
      alice = await api.signIn("user");
    });
    after(() => api.close());

    it("answers countries, cities, the nearest city and a zone's offset", async () => {
      const c = await client(api, alice).get("/api/location/countries?q=%D8%A7%DB%8C%D8%B1&lang=fa");
      expect(c.status).to.equal(200);
      expect(c.body.countries.find((x: { code: string }) => x.code === "IR")).to.include({ name: "ایران", timezone: "Asia/Tehran" });
      const cities = await client(api, alice).get("/api/location/countries/US/cities?q=new&limit=5");
      expect(cities.status).to.equal(200);
      expect(cities.body.cities).to.have.length.within(1, 5);
      expect(cities.body.cities.map((x: { name: string }) => x.name)).to.include("New York");
      const near = await client(api, alice).get("/api/location/nearest?latitude=35.7&longitude=51.4");
      expect(near.body.city.timezone).to.equal("Asia/Tehran");
      const winter = await client(api, alice).get("/api/location/timezone?zone=America/New_York&date=1990-01-15");
      const summer = await client(api, alice).get("/api/location/timezone?zone=America/New_York&date=1990-07-15&time=09:30");
      expect([winter.body.offset_minutes, summer.body.offset_minutes]).to.deep.equal([-300, -240]);
    });

    it("names the bad field, 404s an unknown country and 401s without a sign-in", async () => {
      const bad = await client(api, alice).get("/api/location/timezone?zone=Mars/Olympus");
      expect(bad.status).to.equal(400);
      expect(bad.body.error.fields).to.have.key("zone");
      const coords = await client(api, alice).get("/api/location/nearest?latitude=91&longitude=x");
      expect(coords.status).to.equal(400);
      expect(coords.body.error.fields).to.include.keys(["latitude", "longitude"]);
      expect((await client(api, alice).get("/api/location/countries/1X/cities")).status).to.equal(400);
      expect((await client(api, alice).get("/api/location/countries/XX/cities")).status).to.equal(404);
      expect((await client(api, alice).get("/api/location/countries?lang=de")).status).to.equal(400);
      expect((await client(api).get("/api/location/countries")).status).to.equal(401);
    });

    it("a profile keeps its zone; a birth in July and one in January get their own offsets", async () => {
      const july = await client(api, alice).post("/api/oracle/profiles", {
        name: "July Born", birth_date: "1990-07-15", mother_name: "M", timezone: "America/New_York",
      });
      const january = await client(api, alice).post("/api/oracle/profiles", {
        name: "January Born", birth_date: "1990-01-15", mother_name: "M", timezone: "America/New_York",
      });
      expect(july.status).to.equal(201);
      expect(july.body).to.include({ timezone: "America/New_York", timezone_offset_minutes: -240 });
      expect(january.body).to.include({ timezone: "America/New_York", timezone_offset_minutes: -300 });
      const bad = await client(api, alice).post("/api/oracle/profiles", { name: "Bad Zone", birth_date: "1990-01-15", mother_name: "M", timezone: "+03:30" });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.fields).to.have.key("timezone");
      const cleared = await client(api, alice).patch(`/api/oracle/profiles/${july.body.id}`, { timezone: null });
      expect(cleared.body).to.include({ timezone: null, timezone_offset_minutes: -240 });
    });

    it("a reading takes the zone's offset at its own moment", async () => {
      const id = await createProfile(api, alice, { timezone: "America/New_York", timezone_offset_minutes: -300 });
      const summer = await createReading(api, alice, { reading_type: "time", profile_id: id, date: "2026-07-04", time: "10:00" });
      const winter = await createReading(api, alice, { reading_type: "time", profile_id: id, date: "2026-12-24", time: "10:00" });
      const stampOf = (r: Record<string, unknown>) => JSON.stringify(r.result);
      expect(stampOf(summer)).to.contain("-04:00");
      expect(stampOf(winter)).to.contain("-05:00");
    });
  });
});
