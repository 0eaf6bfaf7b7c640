// Character checks written without regular expressions: the guest subset has none. Each is one pass over the text testing
// membership in a set of characters, which compiles to `for character in text: if character not in SET`, the cheapest
// loop Jython offers (no index, no code point, no call per character).

const DIGITS = "0123456789";
const LOWER_HEX = "0123456789abcdef";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const NAME_CHARACTERS = LETTERS + DIGITS + "-";
// C0 controls, DEL and C1 controls (U+0000 to U+001F, U+007F to U+009F), the set isControlCode accepts.
const CONTROL_CHARACTERS =
  "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
  "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f" +
  "\u007f\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f" +
  "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f";

/**
 * True when every character of `text` is one of `characters` (also for ""). `characters` holds only whole BMP
 * characters, so a surrogate, alone or in a pair, is never one of them, in JavaScript and in Jython alike.
 */
export function consistsOf(text: string, characters: string): boolean {
  for (const character of text) {
    if (!characters.includes(character)) {
      return false;
    }
  }
  return true;
}

/** True when every character of `text` is an ASCII digit (and there is at least one). */
export function isDigits(text: string): boolean {
  return text.length > 0 && consistsOf(text, DIGITS);
}

/** Lower-case hexadecimal only: ids we make are lower-case, so anything else is not one of ours. */
export function isLowerHex(text: string): boolean {
  return text.length > 0 && consistsOf(text, LOWER_HEX);
}

/** Twilio SIDs: a two-letter prefix then 32 hexadecimal characters (either case). */
export function isTwilioSid(text: string, prefix: string): boolean {
  if (text.length !== 34 || !text.startsWith(prefix)) {
    return false;
  }
  return isLowerHex(text.slice(2).toLowerCase());
}

/** C0 controls, DEL and C1 controls: never acceptable inside a login value or a configured text. */
export function isControlCode(code: number): boolean {
  return code < 32 || (code >= 127 && code <= 159);
}

export function hasControlCharacter(text: string): boolean {
  for (const character of text) {
    if (CONTROL_CHARACTERS.includes(character)) {
      return true;
    }
  }
  return false;
}

/** True when `text` contains any character of `characters`. */
export function containsAnyOf(text: string, characters: string): boolean {
  let i = 0;
  while (i < characters.length) {
    if (text.includes(characters.charAt(i))) {
      return true;
    }
    i++;
  }
  return false;
}

/** Letters, digits and hyphen, starting with a letter: LDAP attribute names and HTTP header names both fit this. */
export function isSimpleName(text: string): boolean {
  return text.length > 0 && LETTERS.includes(text.charAt(0)) && consistsOf(text, NAME_CHARACTERS);
}

/** Splits a comma-separated list, trimming items and dropping empty ones. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Levenshtein distance, used only for short property names ("did you mean ..."). */
export function editDistance(a: string, b: string): number {
  let previous: number[] = [];
  let j = 0;
  while (j <= b.length) {
    previous.push(j);
    j++;
  }
  let i = 1;
  while (i <= a.length) {
    const current: number[] = [i];
    j = 1;
    while (j <= b.length) {
      const substitution = (previous[j - 1] ?? 0) + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current.push(Math.min(substitution, deletion, insertion));
      j++;
    }
    previous = current;
    i++;
  }
  return previous[b.length] ?? 0;
}
