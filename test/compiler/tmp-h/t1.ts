export function f(kept: string, xs: number[]): number {
  let t = 0;
  for (let i = 0; i < kept.length; i++) { t += i + 1; }
  for (let i = 1; i <= xs.length; ++i) { if (i === 2) continue; t += i - 1; }
  let j = 0;
  while (j < kept.length) { t = t + j; j++; }
  const n = xs.length;
  for (let k = n - 1; k < n; k += 1) { t += k; }
  return t;
}
