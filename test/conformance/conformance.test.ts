// The same scenario files run against the TypeScript flow (Node) and dist/GamatechRopc.py (Jython with Java doubles).

import * as fs from "fs";
import * as path from "path";
import { JythonConformance } from "./jython-side";
import { runOnNode } from "./node-side";
import { loadScenario } from "./scenario";
import { judge, table } from "./verdict";

const SCENARIO_DIR = path.join(__dirname, "scenarios");
const files = fs
  .readdirSync(SCENARIO_DIR)
  .filter((name) => name.endsWith(".json"))
  .sort();

jest.setTimeout(180_000);

let jython: JythonConformance;

beforeAll(() => {
  jython = JythonConformance.start();
});

afterAll(async () => {
  await jython.close();
});

test("there are scenarios to run", () => {
  expect(files.length).toBeGreaterThan(0);
});

test.each(files)("%s passes on both sides, and the sides agree", async (file) => {
  const scenario = loadScenario(path.join(SCENARIO_DIR, file));
  const verdicts = judge(scenario, await runOnNode(scenario), await jython.run(scenario));
  const failed = verdicts.filter((verdict) => verdict.problems.length > 0);
  if (failed.length > 0) throw new Error(table(scenario, verdicts));
  expect(failed).toEqual([]);
});
