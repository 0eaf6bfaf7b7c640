import fc from "fast-check";
import { asciiJson } from "../../src/world/ascii-json";

/** The definition: JSON.stringify, lone surrogates as U+FFFD, then every character from U+007F on as \uXXXX. */
function reference(value: unknown): string {
  const json = JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "string"
      ? item.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      : item,
  );
  return json.replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

test("the pipe's JSON is ASCII and reads back as the value, lone surrogates as U+FFFD", () => {
  const value = { "k\u00e9": ["\u007f", "\ud83d\ude00", "a\ud800", "\udc00b", "\u0000\n"], n: 1 };
  const json = asciiJson(value);
  expect(/^[\x20-\x7e]*$/.test(json)).toBe(true);
  expect(JSON.parse(json)).toEqual({
    "k\u00e9": ["\u007f", "\ud83d\ude00", "a\ufffd", "\ufffdb", "\u0000\n"],
    n: 1,
  });
});

test("any value gives what the definition gives", () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, text) => {
      expect(asciiJson({ value, text, [text]: text })).toBe(reference({ value, text, [text]: text }));
    }),
    { numRuns: 500 },
  );
});

test("1 MiB of non-ASCII text is escaped whole", () => {
  const text = "\u00e9\u4e2d".repeat(1 << 19);
  expect(asciiJson(text)).toBe(`"${"\\u00e9\\u4e2d".repeat(1 << 19)}"`);
});
