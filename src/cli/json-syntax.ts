// Where a JSON text goes wrong, found without JSON.parse's message, which quotes the text around the mistake (a secret,
// in a file of custom properties). Run only after JSON.parse has refused the text; the grammar is RFC 8259's.

export interface JsonSyntaxError {
  /** Index of the first character that cannot be part of valid JSON (text.length: the text ends too early). */
  offset: number;
  /** What is wrong, without quoting the text. */
  problem: string;
}

class Failure extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const WHITESPACE = " \t\n\r";
const ESCAPED = '"\\/bfnrt';

/** A name and the JSON text of its value, in the top-level object. */
export interface JsonMember {
  name: string;
  valueText: string;
}

class Scanner {
  position = 0;
  private depth = 0;
  /** The members of the outermost object, in order, duplicates included (JSON.parse keeps only the last). */
  readonly topMembers: JsonMember[] = [];

  constructor(private readonly text: string) {}

  fail(problem: string, offset: number = this.position): never {
    throw new Failure(offset, this.position >= this.text.length ? "unexpected end of the file" : problem);
  }

  skipWhitespace(): void {
    while (this.position < this.text.length && WHITESPACE.includes(this.text[this.position] as string)) {
      this.position++;
    }
  }

  expect(character: string, what: string): void {
    this.skipWhitespace();
    if (this.text[this.position] !== character) {
      this.fail(`expected ${what}`);
    }
    this.position++;
  }

  value(): void {
    this.skipWhitespace();
    const character = this.text[this.position];
    if (character === "{") {
      this.object();
    } else if (character === "[") {
      this.array();
    } else if (character === '"') {
      this.string();
    } else if (character === "-" || (character !== undefined && character >= "0" && character <= "9")) {
      this.number();
    } else {
      for (const literal of ["true", "false", "null"]) {
        if (this.text.startsWith(literal, this.position)) {
          this.position += literal.length;
          return;
        }
      }
      this.fail("expected a value (text in double quotes, a number, true, false, null, an object or a list)");
    }
  }

  object(): void {
    this.depth++;
    try {
      this.members();
    } finally {
      this.depth--;
    }
  }

  private members(): void {
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === "}") {
      this.position++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') {
        this.fail("expected a property name in double quotes");
      }
      const nameStart = this.position;
      this.string();
      const nameEnd = this.position;
      this.expect(":", '":" after the property name');
      this.skipWhitespace();
      const valueStart = this.position;
      this.value();
      if (this.depth === 1) {
        this.topMembers.push({
          name: JSON.parse(this.text.slice(nameStart, nameEnd)) as string,
          valueText: this.text.slice(valueStart, this.position),
        });
      }
      this.skipWhitespace();
      const next = this.text[this.position];
      this.position++;
      if (next === "}") {
        return;
      }
      if (next !== ",") {
        this.fail(
          'expected "," or "}" after a value (is a comma missing, or text without double quotes?)',
          this.position - 1,
        );
      }
    }
  }

  array(): void {
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === "]") {
      this.position++;
      return;
    }
    for (;;) {
      this.value();
      this.skipWhitespace();
      const next = this.text[this.position];
      this.position++;
      if (next === "]") {
        return;
      }
      if (next !== ",") {
        this.fail('expected "," or "]" in a list', this.position - 1);
      }
    }
  }

  string(): void {
    const start = this.position;
    this.position++;
    while (this.position < this.text.length) {
      const code = this.text.charCodeAt(this.position);
      if (code === 34) {
        this.position++;
        return;
      }
      if (code < 32) {
        this.fail("a line break or control character inside text in double quotes (write it as \\n)");
      }
      if (code === 92) {
        const escaped = this.text[this.position + 1];
        if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.position + 2, this.position + 6))) {
            this.fail("a \\u escape needs 4 hexadecimal digits");
          }
          this.position += 6;
          continue;
        }
        if (escaped === undefined || !ESCAPED.includes(escaped)) {
          this.fail("an unknown backslash escape (write a backslash as \\\\)");
        }
        this.position += 2;
        continue;
      }
      this.position++;
    }
    throw new Failure(start, "text in double quotes that is never closed");
  }

  number(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.position));
    if (match === null) {
      this.fail("a malformed number");
    }
    this.position += match[0].length;
  }
}

export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.skipWhitespace();
    if (scanner.position < text.length) {
      scanner.fail("more text after the end of the JSON value");
    }
    return null;
  } catch (error) {
    if (error instanceof Failure) {
      return { offset: Math.min(error.offset, text.length), problem: error.problem };
    }
    throw error;
  }
}

/** The members of a top-level JSON object in order, with repeated names kept; [] when the text is not one. */
export function topLevelMembers(text: string): JsonMember[] {
  const scanner = new Scanner(text);
  try {
    scanner.skipWhitespace();
    if (text[scanner.position] !== "{") {
      return [];
    }
    scanner.value();
    return scanner.topMembers;
  } catch (error) {
    if (error instanceof Failure) {
      return [];
    }
    throw error;
  }
}

/** 1-based line and column of `offset`; lines end at \n, \r\n or \r. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const character = text[i];
    if (character === "\n" || (character === "\r" && text[i + 1] !== "\n")) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
