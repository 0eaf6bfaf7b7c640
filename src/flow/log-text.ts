// Makes user-supplied text safe for a log line: Jython raises on non-ASCII output to an ASCII stdout, control characters
// could forge log lines, and spaces or "=" would break the key=value layout.

const HEX_DIGITS = "0123456789abcdef";

function hex4(code: number): string {
  let text = "";
  let rest = code;
  while (rest > 0 || text.length < 4) {
    text = HEX_DIGITS.charAt(rest % 16) + text;
    rest = Math.floor(rest / 16);
  }
  return text;
}

function needsEscape(code: number): boolean {
  // space, '"', '=', '\' and everything outside printable ASCII
  return code <= 32 || code >= 127 || code === 34 || code === 61 || code === 92;
}

/** At most `maxLength` characters of `text` (marked with "..." when cut), escaped as \uXXXX where unsafe. */
export function logSafe(text: string, maxLength: number): string {
  const cut = text.length > maxLength;
  const kept = cut ? text.slice(0, maxLength) : text;
  let out = "";
  let i = 0;
  while (i < kept.length) {
    const code = kept.charCodeAt(i);
    out += needsEscape(code) ? "\\u" + hex4(code) : kept.charAt(i);
    i++;
  }
  return cut ? out + "..." : out;
}
