// The stored session text is a wire format: a node running an older script reads what a newer one writes, and the reverse,
// for as long as a session lives. The pinned strings were produced by the codec that re-serialized through a generic
// JSON.stringify of the whole record, so they fix the bytes; the texts refused in the second block are the ones that codec
// refused. The third block is stricter than it was: its comparison let a text field hold a number or null.

import { parseState, serializeState, SessionState } from "../../src/flow/session-state";

const base: SessionState = {
  version: 1,
  clientId: "c",
  login: "l",
  userId: null,
  step: 2,
  codeHash: "",
  verifyTo: "",
  maskedPhone: "",
  createdAt: 1,
  expiresAt: 2,
  codeIssuedAt: 1,
  sends: 1,
  lastSendAt: 1,
  otpFailures: 0,
  passwordFailures: 0,
};

const full: SessionState = {
  version: 1,
  clientId: "1402.0c5a-portal",
  login: "alice@example.com",
  userId: "inum-7f3a",
  step: 3,
  codeHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  verifyTo: "+4915112345678",
  maskedPhone: "*********5678",
  createdAt: 1764654000123,
  expiresAt: 1764654600123,
  codeIssuedAt: 1764654060456,
  sends: 3,
  lastSendAt: 1764654060456,
  otpFailures: 4,
  passwordFailures: 2,
};

const escaped: SessionState = {
  ...base,
  clientId: 'q"b\\s/\u0000\u001f\u007f\b\f\n\r\t',
  login: "l\u00e9 \u2028\u2029 \ud83d\ude00 \u4e2d",
  userId: "",
  step: 4,
  createdAt: -5,
  expiresAt: 9007199254740991,
};

const pinned: [string, SessionState, string][] = [
  [
    "a decoy with every optional text empty",
    base,
    '{"version":1,"clientId":"c","login":"l","userId":null,"step":2,"codeHash":"","verifyTo":"","maskedPhone":"",' +
      '"createdAt":1,"expiresAt":2,"codeIssuedAt":1,"sends":1,"lastSendAt":1,"otpFailures":0,"passwordFailures":0}',
  ],
  [
    "a real user with every optional field set",
    full,
    '{"version":1,"clientId":"1402.0c5a-portal","login":"alice@example.com","userId":"inum-7f3a","step":3,' +
      '"codeHash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","verifyTo":"+4915112345678",' +
      '"maskedPhone":"*********5678","createdAt":1764654000123,"expiresAt":1764654600123,"codeIssuedAt":1764654060456,' +
      '"sends":3,"lastSendAt":1764654060456,"otpFailures":4,"passwordFailures":2}',
  ],
  [
    "text that needs escapes, characters beyond ASCII and the widest integers",
    escaped,
    '{"version":1,"clientId":"q\\"b\\\\s/\\u0000\\u001f\u007f\\b\\f\\n\\r\\t",' +
      '"login":"l\u00e9 \u2028\u2029 \ud83d\ude00 \u4e2d","userId":"","step":4,"codeHash":"","verifyTo":"",' +
      '"maskedPhone":"","createdAt":-5,"expiresAt":9007199254740991,"codeIssuedAt":1,"sends":1,"lastSendAt":1,' +
      '"otpFailures":0,"passwordFailures":0}',
  ],
];

describe("the stored text", () => {
  test.each(pinned)("%s is written byte for byte as before", (_what, state, text) => {
    expect(serializeState(state)).toBe(text);
  });

  test.each(pinned)("%s reads back as the same state", (_what, state, text) => {
    expect(parseState(text)).toEqual(state);
  });

  test("a record whose fields were set in another order is written in the one order", () => {
    const shuffled = {
      passwordFailures: 2,
      otpFailures: 4,
      lastSendAt: 1764654060456,
      sends: 3,
      codeIssuedAt: 1764654060456,
      expiresAt: 1764654600123,
      createdAt: 1764654000123,
      maskedPhone: "*********5678",
      verifyTo: "+4915112345678",
      codeHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      step: 3,
      userId: "inum-7f3a",
      login: "alice@example.com",
      clientId: "1402.0c5a-portal",
      version: 1,
    };
    expect(serializeState(shuffled)).toBe(pinned[1]![2]);
  });
});

/** The full state's text with one edit. */
function edited(find: string, replace: string): string {
  const text = pinned[1]![2];
  expect(text).toContain(find);
  return text.replace(find, replace);
}

describe("text that is not exactly what serializeState writes is refused", () => {
  test.each([
    ["a space after a colon", '"login":', '"login": '],
    ["a space after a comma", ',"sends"', ', "sends"'],
    ["a line break at the end", '"passwordFailures":2}', '"passwordFailures":2}\n'],
    ["an escape JSON.stringify would not write", '"alice@', '"\\u0061lice@'],
    ["an escaped slash", '"login":"alice@example.com"', '"login":"alice@example.com\\/"'],
    ["a number written with a fraction", '"sends":3', '"sends":3.0'],
    ["a number written with an exponent", '"sends":3', '"sends":3e0'],
    ["a zero written as -0", '"otpFailures":4', '"otpFailures":-0'],
    ["a leading zero", '"sends":3', '"sends":03'],
    ["two fields swapped", '"step":3,"codeHash"', '"codeHash"'],
    ["a field written twice", '"sends":3,', '"sends":3,"sends":3,'],
    ["a missing field", ',"otpFailures":4', ""],
    ["an unknown field", '"passwordFailures":2}', '"passwordFailures":2,"admin":true}'],
    ["a truncated text", '"passwordFailures":2}', '"passwordFailures":2'],
    ["another version", '"version":1', '"version":2'],
    ["version true", '"version":1', '"version":true'],
    ["version as text", '"version":1', '"version":"1"'],
    ["step 1", '"step":3', '"step":1'],
    ["step 5", '"step":3', '"step":5'],
    ["a step as text", '"step":3', '"step":"3"'],
    ["a fractional count", '"sends":3', '"sends":3.5'],
    ["a count as text", '"sends":3', '"sends":"3"'],
    ["a count that is null", '"sends":3', '"sends":null'],
    ["a count that is true", '"otpFailures":4', '"otpFailures":true'],
    ["a count that is an array", '"otpFailures":4', '"otpFailures":[4]'],
    ["a deadline that is an object", '"expiresAt":1764654600123', '"expiresAt":{}'],
  ])("%s", (_what, find, replace) => {
    expect(parseState(edited(find, replace))).toBeNull();
  });

  test.each(["", "{", "not json", "null", "[]", "1", '"text"', "{}", "true"])("%j", (text) => {
    expect(parseState(text)).toBeNull();
  });
});

describe("text fields hold text", () => {
  const fields = ["clientId", "login", "codeHash", "verifyTo", "maskedPhone"];
  test.each(
    fields.flatMap((field) =>
      ["5", "null", "true", "[]", '["a"]', "{}"].map((value): [string, string] => [field, value]),
    ),
  )("%s: %s is refused", (field, value) => {
    const at = pinned[1]![2].indexOf(`"${field}":"`);
    const end = pinned[1]![2].indexOf('"', at + field.length + 4);
    const text = pinned[1]![2].slice(0, at + field.length + 3) + value + pinned[1]![2].slice(end + 1);
    expect(text).toContain(`"${field}":${value},`);
    expect(parseState(text)).toBeNull();
  });

  test.each(["5", "true", "[]", "{}"])("a user id of %s is refused", (value) => {
    expect(parseState(edited('"userId":"inum-7f3a"', `"userId":${value}`))).toBeNull();
  });

  test("a user id of null is a decoy, and an empty text is a text", () => {
    expect(parseState(edited('"userId":"inum-7f3a"', '"userId":null'))).toEqual({ ...full, userId: null });
    expect(parseState(edited('"userId":"inum-7f3a"', '"userId":""'))).toEqual({ ...full, userId: "" });
  });
});
