// Jest wiring shared by the parallel suites: one Jython world per test file, warmed up before the first attack (the JVM,
// the script's first run and the first HTTPS call to the fake Twilio API cost seconds that belong to no attack).

import { AttackName, AttackResult, AttackSetup, Backend, ParallelWorld, runAttack } from "./attacks";
import type { Wire } from "../conformance/challenge-wire";

export function parallelSuite(
  backend: Backend = "in-memory",
  /** The script the world runs: dist/GamatechRopc.py, or dist/GamatechAuthzChallenge.py through the challenge wire. */
  script: Wire = "ropc",
): (name: AttackName, setup: AttackSetup) => Promise<AttackResult> {
  let world: ParallelWorld;
  jest.setTimeout(180_000);

  beforeAll(async () => {
    world = await ParallelWorld.start(undefined, backend, script);
    await world.warmUp();
  });

  afterAll(async () => {
    await world.close();
  });

  return async (name, setup) => {
    const result = await runAttack(world, name, setup);
    if (process.env.PARALLEL_VERBOSE !== undefined) console.log(JSON.stringify(result));
    return result;
  };
}
