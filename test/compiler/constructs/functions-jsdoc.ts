// Functions and their JSDoc: the description becomes the docstring, tags become readable lines.

/** Doubles a number. */
function double(n: number): number {
  return n * 2;
}

/**
 * Greets `name` in the given language. The text stays as the author wrote it:
 * quotes ("like these"), backslashes (\) and non-ASCII letters (é) included.
 *
 * @param name - who to greet
 * @param language the language code
 * @returns the greeting
 * @see {@link double} for a function without parameters
 */
function greet(name: string, language = "en"): string {
  return language === "fr" ? "Bonjour " + name : "Hello " + name;
}

/**
 * An arrow function bound to a constant reads as a def, with its docstring.
 * @throws Error when `n` is negative
 */
const square = (n: number): number => {
  if (n < 0) {
    throw new Error("negative");
  }
  return n * n;
};

export function main(): unknown {
  return [double(21), greet("Ada"), greet("Ada", "fr"), square(12)];
}
