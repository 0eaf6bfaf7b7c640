// Counting loops read as a person would write them in Python: `range` when the loop is exactly JavaScript's, and
// counters whose `+ 1` is checked against a length need no rounding to a double.

/** Indices of the vowels: the bound is a string's length, and the body never assigns the counter. */
function vowelPositions(text: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if ("aeiou".includes(text.charAt(i))) {
      positions.push(i + 1);
    }
  }
  return positions;
}

/** `<=` and a start other than 0; `continue` still moves on to the next value. */
function oddSquares(limit: number[]): number[] {
  const squares: number[] = [];
  for (let n = 1; n <= limit.length; n += 1) {
    if (n % 2 === 0) continue;
    squares.push(n * n);
  }
  return squares;
}

/** A while loop whose counter is compared with the length before each increment. */
function firstSpace(text: string): number {
  let i = 0;
  while (i < text.length && text.charAt(i) !== " ") {
    i++;
  }
  return i;
}

export function main(): unknown {
  const table: string[] = [];
  for (let row = 0; row < 3; row++) {
    for (let column = 0; column <= row; column++) {
      table.push(`${row}:${column}`);
    }
  }
  return [vowelPositions("education"), oddSquares([0, 0, 0, 0, 0]), firstSpace("two words"), table];
}
