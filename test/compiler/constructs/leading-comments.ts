// A file header: the comments a blank line separates from the first statement stay under the module's banner.
// It may run over several lines.

const LIMIT = 3; // a trailing comment becomes a comment at the end of the line

/* A block comment before a statement. */
const NAMES = ["a", "b", "c"];

export function main(): unknown {
  // A comment before the first statement of a body.
  let count = 0;
  for (const name of NAMES) {
    // Inside a loop body.
    if (name === "b") {
      // Why this branch exists.
      continue;
    }
    count += 1; // counted
  }
  /*
   * A block comment in the middle of a body,
   * over two lines.
   */
  const total = count + LIMIT;
  if (total > 0) {
    // only a comment here: the Python body gets `pass`
  }
  return total;
  // A comment after the last statement of a body.
}

// A comment at the end of the file.
