// The `--name N` options of the bench's side commands (steps-only.ts, floor.ts).

/** Takes `--name N` out of argv and returns N, a positive integer; `fallback` when argv has no such option. */
export function countOption(argv: string[], name: string, fallback: number, usage: string): number {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(usage);
  argv.splice(at, 2);
  return value;
}
