// One of two modules of the cross-module-clash construct.

export const LIMIT = 1;

export function describe(): string {
  return "a" + String(LIMIT);
}
