// The attacks on the code step: K guesses at one session's code released together, all wrong, or with the right code
// among them.

import type { AttackRun } from "./attack-terms";
import { LIMITS } from "./attack-terms";
import type { ParallelWorld, Phone, Started } from "./parallel-world";
import { address, budgets, person, start } from "./parallel-world";
import { evaluatedOf, fields, granted, mergeInto, tally } from "./replies";
import { seeded } from "./seeded";

export const CODE_RUNS: Record<"wrong-codes" | "right-code-among-many", AttackRun> = {
  async "wrong-codes"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs);
    const started = await start(world, alice, "192.0.2.1");
    const burst = await world.burst("2", { uid: alice.uid, sessionId: started.sessionId }, k, nodes, (i) =>
      wrongCode(started.code, i),
    );
    const answers = tally(burst.results);
    const after = await rightCodeGivesToken(world, alice, started);
    return {
      evaluated: evaluatedOf(answers, "invalid_otp", "proceed", budgets(world, nodes), LIMITS.codes),
      limit: LIMITS.codes,
      sms: null,
      rightAccepted: after ? "yes, a token" : "no",
      tokens: burst.results.filter(granted).length + (after ? 1 : 0),
      answers,
      perRound: [],
    };
  },

  async "right-code-among-many"(world, { k, latencyMs, nodes, sessions = 10 }) {
    const users = Array.from({ length: sessions }, (_, i) => person(i + 1));
    await world.reset(users, latencyMs);
    const random = seeded(12);
    const answers: Record<string, number> = {};
    const perRound: number[] = [];
    let passed = 0;
    let tokens = 0;
    for (const [s, user] of users.entries()) {
      const started = await start(world, user, address(s + 1));
      const right = Math.floor(random() * k);
      const burst = await world.burst("2", { uid: user.uid, sessionId: started.sessionId }, k, nodes, (i) =>
        i === right ? started.code : wrongCode(started.code, i),
      );
      const counts = tally(burst.results);
      mergeInto(answers, counts);
      perRound.push(evaluatedOf(counts, "invalid_otp", "proceed", budgets(world, nodes), LIMITS.codes));
      const rightReply = burst.results[right]!;
      if (fields(rightReply).step === "3") {
        passed += 1;
        const token = await world.one(0, {
          __step: "3",
          username: user.uid,
          __session_id: started.sessionId,
          password: user.password,
        });
        tokens += granted(token) ? 1 : 0;
      }
    }
    return {
      evaluated: Math.max(...perRound),
      limit: LIMITS.codes,
      sms: null,
      rightAccepted: `${passed} of ${sessions} sessions`,
      tokens,
      answers,
      perRound,
    };
  },
};

function wrongCode(right: string, guess: number): string {
  const value = (Number(right) + 1 + guess) % 1_000_000;
  return String(value).padStart(6, "0");
}

/** Step 2 then 3 with the right code and password, serially: did they give a token? */
async function rightCodeGivesToken(world: ParallelWorld, p: Phone, started: Started): Promise<boolean> {
  const code = await world.rightCode(p, started);
  if (fields(code).step !== "3") return false;
  const password = await world.one(0, {
    __step: "3",
    username: p.uid,
    __session_id: started.sessionId,
    password: p.password,
  });
  return granted(password);
}
