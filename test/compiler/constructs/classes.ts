// Classes: fields, constructors, methods, inheritance and error classes.

/** A counter that remembers its start. */
class Counter {
  /** How far it has counted. */
  count = 0;
  // The value given to the constructor.
  readonly start: number;

  /** Starts at `start`. */
  constructor(start: number) {
    this.start = start;
    this.count = start;
  }

  /** Counts one more and returns the new count. */
  next(): number {
    this.count += 1;
    return this.count;
  }
}

// A subclass that counts two at a time.
class DoubleCounter extends Counter {
  override next(): number {
    super.next();
    return super.next();
  }
}

class LimitError extends Error {
  constructor(readonly limit: number) {
    super("limit " + String(limit));
  }
}

export function main(): unknown {
  const counter = new Counter(5);
  counter.next();
  const twice = new DoubleCounter(0);
  twice.next();
  let message = "";
  try {
    throw new LimitError(3);
  } catch (error) {
    message = error instanceof LimitError ? error.message + "/" + String(error.limit) : "other";
  }
  return [counter.next(), twice.next(), counter.start, message];
}
