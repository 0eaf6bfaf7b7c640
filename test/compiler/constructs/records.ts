// Records: object literals are data, read by key, listed in insertion order.

interface Point {
  x: number;
  y: number;
  /** Only some points have a label. */
  label?: string;
}

function moved(point: Point, dx: number): Point {
  return { x: point.x + dx, y: point.y, label: point.label };
}

export function main(): unknown {
  const origin: Point = { x: 0, y: 0 };
  const counts: Record<string, number> = {};
  for (const word of ["b", "a", "b"]) {
    counts[word] = (counts[word] ?? 0) + 1;
  }
  return {
    moved: moved(origin, 2),
    keys: Object.keys(counts),
    json: JSON.stringify(counts),
    hasLabel: "label" in origin,
    label: origin.label ?? "none",
  };
}
