import { parseArguments, positiveInteger, UsageError } from "../../src/cli/args";
import type { CommandLineSpec } from "../../src/cli/args";

const spec: CommandLineSpec = {
  options: { out: { takesValue: true }, json: { takesValue: false } },
  positionals: ["FILE"],
};

test("reads value options in both spellings, flags and positionals", () => {
  expect(parseArguments(["--out", "d", "f"], spec)).toEqual({
    options: new Map([["out", "d"]]),
    positionals: ["f"],
  });
  expect(parseArguments(["f", "--out=d", "--json"], spec).options).toEqual(
    new Map([
      ["out", "d"],
      ["json", "true"],
    ]),
  );
});

test("everything after -- is positional, even if it looks like an option", () => {
  expect(parseArguments(["--", "--json"], spec).positionals).toEqual(["--json"]);
});

test.each([
  [["f", "--nope"], "unknown option --nope"],
  [["f", "-x"], "unknown option -x"],
  [["f", "--out"], "--out needs a value"],
  [["f", "--out="], "--out needs a value"],
  [["f", "--out", "--json"], "--out needs a value"],
  [["f", "--json=yes"], "--json takes no value"],
  [["f", "--json", "--json"], "--json given twice"],
  [[], "missing FILE"],
  [["f", "g"], "unexpected argument g"],
])("rejects %j: %s", (argv, message) => {
  expect(() => parseArguments(argv, spec)).toThrow(new UsageError(message));
});

test("positive integers are plain digits, at least 1", () => {
  expect(positiveInteger("revision", "12")).toBe(12);
  for (const bad of ["0", "-1", "1.5", "1e3", "x", " 2", "99999999999999999999"]) {
    expect(() => positiveInteger("revision", bad)).toThrow(UsageError);
  }
});
