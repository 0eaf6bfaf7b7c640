// Order statistics and the log-log fit the bench reports.

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile: a value that was actually observed, never an interpolation between two. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Slope of the least-squares line through (log x, log y): the exponent k of y ≈ c·x^k. */
export function growthExponent(points: readonly { x: number; y: number }[]): number {
  const logs = points.map((p) => ({ x: Math.log(p.x), y: Math.log(p.y) }));
  const meanX = logs.reduce((sum, p) => sum + p.x, 0) / logs.length;
  const meanY = logs.reduce((sum, p) => sum + p.y, 0) / logs.length;
  const covariance = logs.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const variance = logs.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  return covariance / variance;
}
