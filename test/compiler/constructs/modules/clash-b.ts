// The other module of the cross-module-clash construct.

export const LIMIT = 2;

export function describe(): string {
  return "b" + String(LIMIT);
}
