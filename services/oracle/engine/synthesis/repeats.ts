/**
 * Values that occur more than once in a short list, in order of first appearance, the way a
 * counter iterates. Lists here hold five items, so a nested scan beats building a map.
 */
export function repeatedValues<T>(values: readonly T[]): Array<[T, number]> {
  const out: Array<[T, number]> = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let seenBefore = false;
    for (let j = 0; j < i; j++) {
      if (values[j] === v) {
        seenBefore = true;
        break;
      }
    }
    if (seenBefore) continue;
    let count = 1;
    for (let j = i + 1; j < values.length; j++) if (values[j] === v) count++;
    if (count >= 2) out.push([v, count]);
  }
  return out;
}
