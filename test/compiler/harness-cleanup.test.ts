// The differential harness writes each file's Python cases to a temporary folder; it must remove it however the run ends,
// including when no case needs Jython (only diagnostics), which returns early.
import * as fs from "fs";
import { Suite } from "./harness";

const mockCreated: string[] = [];

jest.mock("fs", () => {
  const actual = jest.requireActual<typeof import("fs")>("fs");
  return {
    ...actual,
    mkdtempSync: (prefix: string) => {
      const folder = actual.mkdtempSync(prefix);
      mockCreated.push(folder);
      return folder;
    },
  };
});

const suite = new Suite();
suite.testExpression("1 == 1").expectDiagnostic("GR1003");

test("the cases' folder is gone once the cases have run", () => {
  expect(mockCreated).toHaveLength(1);
  expect(fs.existsSync(mockCreated[0] as string)).toBe(false);
});
