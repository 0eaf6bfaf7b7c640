// Guest names that are Python builtins or keywords take a trailing underscore, so no builtin is shadowed.

function property(type: string, id: number): string {
  return type + "#" + String(id);
}

export function main(): unknown {
  const list = [3, 1, 2];
  const len = list.length;
  const str = property("user", len);
  const min = Math.min(len, 2);
  const format = "x";
  const hash = str + format;
  const from = "here";
  return [len, str, min, hash, from];
}
