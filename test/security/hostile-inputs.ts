// A generated corpus of hostile request values, shared by every target (the Jython runner reuses it as is).
// Deterministic: the same list, in the same order, on every run.

export interface HostileInput {
  /** What the value probes; unique. */
  name: string;
  value: string;
}

const MEBIBYTE = 1 << 20;

function lengths(): HostileInput[] {
  const sizes = [1, 63, 64, 65, 255, 256, 257, 1000, 4096, 65536, MEBIBYTE];
  return [
    ...sizes.map((size) => ({ name: `${size} letters`, value: "a".repeat(size) })),
    ...sizes.map((size) => ({ name: `${size} digits`, value: "7".repeat(size) })),
    { name: "1 MiB of semicolons and equals", value: ";=".repeat(MEBIBYTE / 2) },
    { name: "1 MiB of CR LF", value: "\r\n".repeat(MEBIBYTE / 2) },
    { name: "1 MiB of non-ASCII", value: "\u00e9".repeat(MEBIBYTE) },
  ];
}

function controls(): HostileInput[] {
  const codes = [...Array(32).keys(), 127, ...[...Array(32).keys()].map((n) => 128 + n)];
  return codes.map((code) => ({
    name: `control U+${code.toString(16).padStart(4, "0")} inside`,
    value: "ali" + String.fromCharCode(code) + "ce",
  }));
}

const PAYLOADS: Record<string, string[]> = {
  "header grammar": [
    ";",
    "=",
    "alice;status=proceed",
    "a=b;c=d",
    "status=proceed;session_id=" + "0".repeat(64) + ";step=3",
    "\r\nX-Injected: 1",
    "alice\r\nSet-Cookie: a=b",
    "alice\nstatus=proceed",
    "alice\rstep=3",
    "%0d%0aX-Injected:%201",
    "%3bstatus%3dproceed",
    " ",
    "\t",
    "",
  ],
  LDAP: [
    "*",
    "*)(uid=*",
    "alice)(|(objectClass=*))",
    "admin*",
    "\\2a",
    "\\00",
    "(&)",
    "(|(uid=alice)(uid=bob))",
    "uid=alice,ou=people,o=jans",
    "alice\\",
    "#alice",
    "alice\u0000",
  ],
  JSON: [
    '"',
    '\\"',
    '{"step":3}',
    '","step":3,"userId":"alice',
    "}",
    "[",
    "null",
    "true",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    '{"__proto__":{"step":3}}',
    "\\u0000",
    "\u2028",
    "\u2029",
  ],
  numbers: [
    "0",
    "-0",
    "+1",
    "-1",
    "1.0",
    "1e2",
    "1E308",
    "0x1",
    "0b1",
    "0o7",
    "01",
    "001",
    "1_000",
    "NaN",
    "Infinity",
    "-Infinity",
    " 2",
    "3 ",
    "9".repeat(400),
    "12345",
    "1234567",
    "000000",
    "123456 ",
    " 123456",
    "12 3456",
    "123\u00a0456",
    "\uff11\uff12\uff13\uff14\uff15\uff16",
    "\u0661\u0662\u0663\u0664\u0665\u0666",
    "\u0967\u0968\u0969\u096a\u096b\u096c",
    "\u00b9\u00b2\u00b3\u2074\u2075\u2076",
    "2147483648",
    "9007199254740993",
  ],
  encodings: [
    "\ufeffalice",
    "al\u200bice",
    "\u202ealice",
    "alice\u0301",
    "\u0430lice",
    "\ud800",
    "\udc00alice",
    "\ud83d\ude00",
    "\u00c0\u00af",
    "%c0%af",
    "%25",
    "&amp;",
    "+",
    "alice%00",
    "\u00ff\u00fe",
    "\uffff",
    "\u0130",
    "\u017f",
    "ALICE",
    "  alice  ",
  ],
  "appended to a real login value": [
    "alice;",
    "alice=",
    "alice*",
    "alice)",
    'alice"',
    "alice}",
    "alice\u0085",
    "alice\u2028",
    "alice ",
    "alice\t",
    "alice,bob",
    "alice\u00a0",
  ],
  "other injection": [
    "<script>alert(1)</script>",
    "../../../etc/passwd",
    "%s%s%n",
    "${7*7}",
    "{{7*7}}",
    "{code}",
    "'; DROP TABLE users; --",
    "' OR '1'='1",
    "$(reboot)",
    "`id`",
    "alice@example.com",
    "ALICE@EXAMPLE.COM",
  ],
};

export function hostileInputs(): HostileInput[] {
  const named = Object.entries(PAYLOADS).flatMap(([group, values]) =>
    values.map((value, index) => ({ name: `${group} #${index + 1}`, value })),
  );
  return [...lengths(), ...controls(), ...named];
}
