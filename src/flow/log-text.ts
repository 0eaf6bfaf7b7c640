// Makes text safe for a log line: Jython raises on non-ASCII output to an ASCII stdout, control characters could forge log
// lines, and spaces or "=" would break the key=value layout. A quoted value (the flow's own prose, `detail="unknown session"`)
// keeps its spaces, so an administrator can grep for it as the documentation writes it.

import { consistsOf } from "./text-checks";

const HEX_DIGITS = "0123456789abcdef";
// Printable ASCII but '"', '=', '\' and the space: the characters needsEscape keeps as they are.
const KEPT_CHARACTERS =
  "!#$%&'()*+,-./0123456789:;<>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
const KEPT_WITH_SPACE = " " + KEPT_CHARACTERS;

function hex4(code: number): string {
  let text = "";
  let rest = code;
  while (rest > 0 || text.length < 4) {
    text = HEX_DIGITS.charAt(rest % 16) + text;
    rest = Math.floor(rest / 16);
  }
  return text;
}

function needsEscape(code: number, spaceAllowed: boolean): boolean {
  if (code === 32) {
    return !spaceAllowed;
  }
  // '"', '=', '\' and everything outside printable ASCII
  return code < 32 || code >= 127 || code === 34 || code === 61 || code === 92;
}

function escaped(text: string, maxLength: number, spaceAllowed: boolean): string {
  const cut = text.length > maxLength;
  const kept = cut ? text.slice(0, maxLength) : text;
  // The usual case, nothing to escape: one pass without building a new string.
  if (consistsOf(kept, spaceAllowed ? KEPT_WITH_SPACE : KEPT_CHARACTERS)) {
    return cut ? kept + "..." : kept;
  }
  let out = "";
  let i = 0;
  while (i < kept.length) {
    const code = kept.charCodeAt(i);
    out += needsEscape(code, spaceAllowed) ? "\\u" + hex4(code) : kept.charAt(i);
    i++;
  }
  return cut ? out + "..." : out;
}

/** At most `maxLength` characters of `text` (marked with "..." when cut), escaped as \uXXXX where unsafe: one token. */
export function logSafe(text: string, maxLength: number): string {
  return escaped(text, maxLength, false);
}

/** Like logSafe, but spaces stay and the value is in double quotes (which cannot occur inside: '"' is escaped). */
export function logQuoted(text: string, maxLength: number): string {
  return '"' + escaped(text, maxLength, true) + '"';
}
