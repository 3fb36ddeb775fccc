/** Whether an object has any key: the test a mapping passes when it counts as "given". */
export function hasEntries(o: object | null | undefined): boolean {
  if (!o) return false;
  for (const _ in o) return true;
  return false;
}
