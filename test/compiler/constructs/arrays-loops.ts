// Arrays and loops: for...of, while, the iteration methods, and element reads past the end.

export function main(): unknown {
  const numbers = [3, 1, 4, 1, 5];
  const doubled = numbers.map((n) => n * 2);
  const big = numbers.filter((n) => n > 2);
  let sum = 0;
  for (const n of numbers) {
    sum += n;
  }
  let i = 0;
  const seen: number[] = [];
  while (i < 10) {
    // A read past the end is undefined, and `?? 0` gives the fallback.
    seen.push(numbers[i] ?? 0);
    i++;
  }
  return {
    doubled: doubled,
    big: big,
    sum: sum,
    seen: seen,
    any: numbers.some((n) => n > 4),
    all: numbers.every((n) => n > 0),
    found: numbers.find((n) => n > 3) ?? -1,
    joined: numbers.join("-"),
    index: numbers.indexOf(4),
  };
}
