/** How a base-60 token reads aloud, in Persian (the token itself stays in Latin letters). */
import type { TokenText } from "../engine-text";
import { animal, element, fd } from "./words";

export const TOKEN: TokenText = {
  describe: (token, value, animalName, elementName) => `${token} نشانِ ${fd(value)} است: ${animal(animalName)} همراه با ${element(elementName)}`,
};
