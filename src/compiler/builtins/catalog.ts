// The built-ins guest code may use, by owner: the one list the mappings accept (anything else is GR1019) and the one
// docs/guest-subset.md prints (test/compiler/fidelity-docs.test.ts compares them).

export const BUILTINS = {
  /** Called as functions (and `new Error(message)`). */
  globals: ["String", "Number", "parseInt", "Error", "NaN", "Infinity", "undefined"],
  String: [
    "length",
    "toLowerCase",
    "toUpperCase",
    "trim",
    "startsWith",
    "endsWith",
    "includes",
    "indexOf",
    "slice",
    "substring",
    "split",
    "replace",
    "padStart",
    "padEnd",
    "charAt",
    "charCodeAt",
  ],
  Array: ["length", "push", "indexOf", "includes", "join", "slice", "map", "filter", "some", "every", "find"],
  Math: ["floor", "ceil", "round", "abs", "min", "max", "PI"],
  Number: [
    "isInteger",
    "isNaN",
    "MAX_SAFE_INTEGER",
    "MIN_SAFE_INTEGER",
    "POSITIVE_INFINITY",
    "NEGATIVE_INFINITY",
  ],
  JSON: ["stringify", "parse"],
  Object: ["keys", "freeze"],
} as const;

export type BuiltinOwner = keyof typeof BUILTINS;

export function isBuiltin(owner: BuiltinOwner, member: string): boolean {
  return (BUILTINS[owner] as readonly string[]).includes(member);
}
