/**
 * Compile-time agreement between two shapes: `const _: SameKeys<A, B> = true` compiles only when A
 * and B have the same keys, and otherwise names the keys one of them lacks. The wire types
 * generated from proto/oracle.proto are held to the contract this way.
 */
export type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : { readonly onlyInFirst: Exclude<keyof A, keyof B>; readonly onlyInSecond: Exclude<keyof B, keyof A> };

/** A table with exactly one entry per key of K. */
export type Exhaustive<K extends PropertyKey, V> = { readonly [P in K]: V };
