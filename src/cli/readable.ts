// The validation's messages are written for Janssen's script log, where every unsafe character of a user-supplied text (a
// space, a quote, a non-ASCII letter) is escaped as \uXXXX (src/flow/log-text.ts). A terminal shows such characters as
// they are: only those that could change what the terminal displays stay escaped.

/** Control characters, invisible or direction-changing ones, and lone surrogates: shown escaped. */
function staysEscaped(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0xad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

function escaped(code: number): string {
  return "\\u" + code.toString(16).padStart(4, "0");
}

/** A log-escaped message as readable text: `"5\u0020m"` becomes `"5 m"`; control characters stay escaped. */
export function readableMessage(message: string): string {
  return message.replace(
    /\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|\\u([0-9a-f]{4})/g,
    (whole, high?: string, low?: string, single?: string) => {
      if (high !== undefined && low !== undefined) {
        return String.fromCharCode(parseInt(high, 16), parseInt(low, 16));
      }
      const code = parseInt(single as string, 16);
      return staysEscaped(code) ? whole : String.fromCharCode(code);
    },
  );
}

/** A value as typed, for a terminal: characters that stay escaped in messages are escaped here too. */
export function printableValue(value: string): string {
  let out = "";
  for (const character of value) {
    const code = character.charCodeAt(0);
    out += character.length === 1 && staysEscaped(code) ? escaped(code) : character;
  }
  return out;
}
