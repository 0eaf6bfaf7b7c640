// What JythonScriptHost writes on the command pipe.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NON_ASCII = /[\u007f-\uffff]/;

/**
 * JSON with every non-ASCII character escaped, so the bytes on the pipe do not depend on Jython's stdin encoding. A lone
 * UTF-16 surrogate becomes U+FFFD: Jython's unicode cannot hold one, and no HTTP request can carry one either (it has no
 * UTF-8 encoding, so the servlet container decodes it to U+FFFD before a script sees it).
 */
export function asciiJson(value: unknown): string {
  const wellFormed = (_key: string, item: unknown) =>
    typeof item === "string" && NON_ASCII.test(item) ? item.replace(LONE_SURROGATE, "\ufffd") : item;
  const json = JSON.stringify(value, wellFormed);
  return NON_ASCII.test(json) ? escapeNonAscii(json) : json;
}

const HEX_DIGITS = Buffer.from("0123456789abcdef", "latin1");

/**
 * Byte by byte into a buffer rather than through a replace() callback: the hostile corpus sends 1 MiB of non-ASCII text,
 * where a callback per character cost 0.2 s of Node's CPU per request.
 */
function escapeNonAscii(json: string): string {
  const out = Buffer.allocUnsafe(json.length * 6);
  let size = 0;
  for (let at = 0; at < json.length; at++) {
    const code = json.charCodeAt(at);
    if (code < 0x7f) {
      out[size++] = code;
      continue;
    }
    out[size++] = 0x5c; // backslash
    out[size++] = 0x75; // u
    for (let shift = 12; shift >= 0; shift -= 4) out[size++] = HEX_DIGITS[(code >> shift) & 15] as number;
  }
  return out.toString("latin1", 0, size);
}
