// The same scenario files run against both scripts, each on both sides: the TypeScript flow (Node) through the ROPC and
// the challenge handler, and dist/GamatechRopc.py and dist/GamatechAuthzChallenge.py (Jython with the real twilio-java
// jars and Janssen's model classes; one JVM per SDK line loads both scripts).

import * as fs from "fs";
import * as path from "path";
import { DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { closeJythonConformance, hasVerify, JythonConformance, usesVerify } from "./jython-side";
import { runOnNode } from "./node-side";
import { loadScenario } from "./scenario";
import { judge, judgeChallenge, table } from "./verdict";

const SCENARIO_DIR = path.join(__dirname, "scenarios");
const files = fs
  .readdirSync(SCENARIO_DIR)
  .filter((name) => name.endsWith(".json"))
  .sort();

jest.setTimeout(300_000);
afterAll(closeJythonConformance);

// The scenarios run on Janssen's twilio-java (7.17.0, which has no Verify: a Verify sender must make init refuse) and on
// the newest 12.x (everything). The other lines get a smoke set in test/jython/sdk-matrix.test.ts.
describe.each([DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION])("on twilio-java %s", (twilioVersion) => {
  let jython: JythonConformance;

  beforeAll(() => {
    jython = JythonConformance.start({ twilioVersion });
  });

  test("there are scenarios to run", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)("%s passes on both sides, and the sides agree", async (file) => {
    const scenario = loadScenario(path.join(SCENARIO_DIR, file));
    if (usesVerify(scenario) && !hasVerify(jython.versionFor(scenario))) {
      const init = jython.initOutcome(scenario);
      expect(init).toMatchObject({ outcome: "returned", value: false });
      expect(init.logs.join("\n")).toMatch(/twilio/i);
      return;
    }
    const verdicts = judge(scenario, await runOnNode(scenario), await jython.run(scenario));
    const failed = verdicts.filter((verdict) => verdict.problems.length > 0);
    if (failed.length > 0) throw new Error(table(scenario, verdicts));
    expect(failed).toEqual([]);
  });

  test.each(files)(
    "%s passes for the challenge script on both sides, as for the ROPC script",
    async (file) => {
      const scenario = loadScenario(path.join(SCENARIO_DIR, file));
      if (usesVerify(scenario) && !hasVerify(jython.versionFor(scenario))) {
        const init = jython.initOutcome(scenario, "challenge");
        expect(init).toMatchObject({ outcome: "returned", value: false });
        expect(init.logs.join("\n")).toMatch(/GamatechAuthzChallenge\..*twilio/i);
        return;
      }
      const verdicts = judgeChallenge(
        scenario,
        await runOnNode(scenario),
        await runOnNode(scenario, "challenge"),
        await jython.run(scenario, "challenge"),
      );
      const failed = verdicts.filter((verdict) => verdict.problems.length > 0);
      if (failed.length > 0) throw new Error(table(scenario, verdicts, "challenge"));
      expect(verdicts.some((verdict) => verdict.jython !== null)).toBe(true);
    },
  );
});
