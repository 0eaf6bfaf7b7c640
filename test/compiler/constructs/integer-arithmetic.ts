// Integer arithmetic keeps JavaScript's results: true division, the dividend's sign for %, doubles beyond 2^53.

export function main(): unknown {
  const a = 7;
  const b = -2;
  const big = 9007199254740991;
  return [a / b, a % b, b % a, Math.floor(a / 2), Math.round(2.5), big + 2, a * b];
}
