import {
  InputFileError,
  parseJavaProperties,
  parseJsonProperties,
  readPropertiesFile,
} from "../../src/cli/properties-file";
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
  ["[1]", "the JSON is an array: it must be an object of property names to values, or one exported script"],
  [
    '[{"value1": "otp_length", "value2": "8"}]',
    'the JSON is a list of value1/value2 entries: wrap it as {"configurationProperties": [...]}',
  ],
  ['"text"', "the JSON must be an object of property names to values, or one exported script"],
  ['{"a": [1]}', "property a: the value must be text, a number, a boolean or null"],
  [
    '{"configurationProperties": [{"value2": "x"}]}',
    "configurationProperties: every entry needs a value1 (the property name)",
  ],
])("JSON %s is refused", (text, message) => {
  expect(() => parseJsonProperties(text)).toThrow(new InputFileError(message));
});

test("broken JSON is refused without quoting its text, which may hold a secret", () => {
  expect(() => parseJsonProperties('{"twilio_auth_token": hunter2-secret}')).toThrow(
    new InputFileError(
      "not valid JSON: expected a value (text in double quotes, a number, true, false, null, an object or a list) " +
        "at line 1, column 23",
    ),
  );
});

test("files: .json or a leading { means JSON, anything else .properties; unreadable files are file errors", () => {
  const directory = directoryWith({ "a.json": '{"x": "1"}', "b.txt": ' {"y": "2"}', "c.properties": "z=3" });
  try {
    expect(readPropertiesFile("a.json", directory)).toEqual({ x: "1" });
    expect(readPropertiesFile("b.txt", directory)).toEqual({ y: "2" });
    expect(readPropertiesFile("c.properties", directory)).toEqual({ z: "3" });
    expect(() => readPropertiesFile("missing.json", directory)).toThrow(
      new InputFileError("cannot read missing.json: no such file"),
    );
  } finally {
    removeDirectory(directory);
  }
});

describe("where broken JSON goes wrong, without its text", () => {
  const SECRET = "hunter2-secret";
  test.each([
    [`{"twilio_auth_token": "${SECRET}",}`, "expected a property name in double quotes at line 1, column 40"],
    [`{\n  "a": "1"\n  "twilio_auth_token": "${SECRET}"\n}`, 'expected "," or "}" after a value'],
    [`{"twilio_auth_token": "${SECRET}`, "text in double quotes that is never closed at line 1, column 23"],
    [`{"twilio_auth_token": '${SECRET}'}`, "expected a value"],
    [`{"a": "x"} {"b": 1}`, "more text after the end of the JSON value at line 1, column 12"],
    [`{"a": "1\n"}`, "a line break or control character inside text"],
    [`{"a": "\\q${SECRET}"}`, "an unknown backslash escape"],
    [`{"a": 01}`, 'expected "," or "}" after a value'],
    [`{"a": `, "unexpected end of the file at line 1, column 7"],
  ])("%j", (text, problem) => {
    let message = "";
    try {
      parseJsonProperties(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`not valid JSON: ${problem}`);
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain("hunter");
  });

  test("the line and column count \\n, \\r\\n and \\r line ends", () => {
    expect(() => parseJsonProperties('{\r\n"a": 1,\r"b": x}')).toThrow(/at line 3, column 6$/);
  });
});
