import { parseJavaProperties, parseJsonProperties, readPropertiesFile } from "../../src/cli/properties-file";
import { UsageError } from "../../src/cli/args";
import { directoryWith, removeDirectory } from "./run-cli";

test("Java .properties: separators, comments, blank lines, continuations and escapes", () => {
  const text = [
    "# comment",
    "! also a comment",
    "",
    "  a=1",
    "b : 2",
    "c 3",
    "d=",
    "sms_template = Your code: {code}. \\",
    "    Valid {minutes} min.",
    "e\\=f=g\\u0041\\t",
    "trailing = kept  ",
  ].join("\r\n");
  expect(parseJavaProperties(text)).toEqual({
    a: "1",
    b: "2",
    c: "3",
    d: "",
    sms_template: "Your code: {code}. Valid {minutes} min.",
    "e=f": "gA\t",
    trailing: "kept  ",
  });
});

test("JSON: an object of names to text, numbers, booleans or null", () => {
  expect(parseJsonProperties('{"a": "x", "b": 8, "c": false, "d": null}')).toEqual({
    a: "x",
    b: "8",
    c: "false",
    d: null,
  });
});

test("JSON: an exported Config API script contributes its configurationProperties", () => {
  const script = {
    name: "x",
    configurationProperties: [{ value1: "a", value2: "1", hide: false }, { value1: "b" }],
  };
  expect(parseJsonProperties(JSON.stringify(script))).toEqual({ a: "1", b: null });
});

test.each([
  ["[1]", "the JSON must be an object of property names to values"],
  ['{"a": [1]}', "property a: the value must be text, a number, a boolean or null"],
  [
    '{"configurationProperties": [{"value2": "x"}]}',
    "configurationProperties: every entry needs a value1 (the property name)",
  ],
])("JSON %s is refused", (text, message) => {
  expect(() => parseJsonProperties(text)).toThrow(new UsageError(message));
});

test("broken JSON is refused without quoting its text, which may hold a secret", () => {
  expect(() => parseJsonProperties('{"twilio_auth_token": hunter2-secret}')).toThrow(
    new UsageError("not valid JSON"),
  );
});

test("files: .json or a leading { means JSON, anything else .properties; unreadable files are usage errors", () => {
  const directory = directoryWith({ "a.json": '{"x": "1"}', "b.txt": ' {"y": "2"}', "c.properties": "z=3" });
  try {
    expect(readPropertiesFile("a.json", directory)).toEqual({ x: "1" });
    expect(readPropertiesFile("b.txt", directory)).toEqual({ y: "2" });
    expect(readPropertiesFile("c.properties", directory)).toEqual({ z: "3" });
    expect(() => readPropertiesFile("missing.json", directory)).toThrow(
      new UsageError("cannot read missing.json: ENOENT"),
    );
  } finally {
    removeDirectory(directory);
  }
});
