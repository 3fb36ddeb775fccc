import { expect } from "chai";
import { TEST_PREVIOUS_KEY, testCipher } from "../testing/test-cipher";
import { FieldCipher, formatOf } from "./field-cipher";
import { openJson, sealJson } from "./sealed-json";

const at = { table: "oracle_readings", column: "result", rowId: "reading-1" };

describe("sealed JSON (encryption inside stored results)", function () {
  this.timeout(60_000);
  let cipher: FieldCipher;
  before(async () => {
    cipher = await testCipher();
  });

  const result = {
    reading_type: "question",
    question: "Should I move to Shiraz?",
    numerology: { life_path: 7, mother_influence: 3 },
    profile: { name: "Sara", mother_name: "Maryam" },
    ai_interpretation: { header: "Your reading", full_text: "Moving to Shiraz suits a 7.", sections: ["a", "b"] },
    synthesis: "You asked: should i move to shiraz? The numbers say yes.",
    notes: ["Maryam's influence is strong", "nothing private here"],
  };

  it("seals sensitive keys at any depth and any text quoting a secret, and opens back to the same document", () => {
    const sealed = sealJson(result, cipher, at, ["Should I move to Shiraz?", "Maryam"]);
    expect(sealed.changed).to.equal(true);
    const text = JSON.stringify(sealed.value);
    for (const secret of ["Shiraz", "Maryam", "move to"]) expect(text.toLowerCase()).not.to.contain(secret.toLowerCase());
    // What is not private stays readable (and searchable by the database).
    expect(sealed.value.reading_type).to.equal("question");
    expect(sealed.value.profile.name).to.equal("Sara");
    expect(sealed.value.notes[1]).to.equal("nothing private here");
    expect(sealed.value.numerology).to.deep.equal({ life_path: 7, mother_influence: 3 });
    expect(openJson(sealed.value, cipher, at)).to.deep.equal(result);
  });

  it("binds sealed values to their row", () => {
    const sealed = sealJson(result, cipher, at).value;
    expect(() => openJson(sealed, cipher, { ...at, rowId: "reading-2" })).to.throw(/reading-2/);
  });

  it("leaves values already under the current key untouched, so sealing twice changes nothing", () => {
    const once = sealJson(result, cipher, at, ["Maryam"]);
    const twice = sealJson(once.value, cipher, at, ["Maryam"]);
    expect(twice.changed).to.equal(false);
    expect(twice.value).to.deep.equal(once.value);
  });

  it("re-seals what an older key wrote", async () => {
    const previous = await testCipher({ key: TEST_PREVIOUS_KEY.key, salt: TEST_PREVIOUS_KEY.salt });
    const rotating = await testCipher({ previousKey: TEST_PREVIOUS_KEY.key, previousSalt: TEST_PREVIOUS_KEY.salt });
    const old = sealJson(result, previous, at).value;
    const resealed = sealJson(old, rotating, at);
    expect(resealed.changed).to.equal(true);
    const question = resealed.value.question as unknown as string;
    expect(formatOf(question)).to.deep.equal({ kind: "nps1", keyId: cipher.currentKeyId });
    expect(openJson(resealed.value, cipher, at)).to.deep.equal(result);
  });

  it("passes documents through untouched when encryption is off", () => {
    const sealed = sealJson(result, FieldCipher.plaintext(), at, ["Maryam"]);
    expect(sealed.changed).to.equal(false);
    expect(sealed.value).to.deep.equal(result);
  });
});
