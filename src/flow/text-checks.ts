// Character checks written without regular expressions: the guest subset has none.

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True when every character of `text` is an ASCII digit (and there is at least one). */
export function isDigits(text: string): boolean {
  if (text.length === 0) {
    return false;
  }
  let i = 0;
  while (i < text.length) {
    if (!isDigitCode(text.charCodeAt(i))) {
      return false;
    }
    i++;
  }
  return true;
}

/** Lower-case hexadecimal only: ids we make are lower-case, so anything else is not one of ours. */
export function isLowerHex(text: string): boolean {
  if (text.length === 0) {
    return false;
  }
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!isDigitCode(code) && !(code >= 97 && code <= 102)) {
      return false;
    }
    i++;
  }
  return true;
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
  let i = 0;
  while (i < text.length) {
    if (isControlCode(text.charCodeAt(i))) {
      return true;
    }
    i++;
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
  if (text.length === 0) {
    return false;
  }
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (!letter && !(i > 0 && (isDigitCode(code) || code === 45))) {
      return false;
    }
    i++;
  }
  return true;
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
