/** How a base-60 token reads aloud. */
import type { TokenText } from "../engine-text";

export const TOKEN: TokenText = {
  describe: (token, value, animalName, elementName) => `${token} stands for ${value}: the ${animalName} paired with ${elementName}`,
};
