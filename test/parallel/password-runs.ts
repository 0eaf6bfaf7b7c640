// The attacks on the password: K guesses released together at step 3 of a session whose code was right (code_first), or
// at step 1 before any session exists (password_first), all wrong or with the right password among them.

import type { AttackRun } from "./attack-terms";
import { LIMITS } from "./attack-terms";
import type { AuthenticateReply } from "../../src/world/protocol";
import type { ParallelWorld, Phone, Started } from "./parallel-world";
import { address, budgets, person, start } from "./parallel-world";
import { codeIn, evaluatedOf, fields, granted, sentSms, tally } from "./replies";
import { seeded } from "./seeded";

export const PASSWORD_RUNS: Record<
  | "wrong-passwords"
  | "right-password-among-many"
  | "password-first-wrong-passwords"
  | "password-first-right-among-many"
  | "password-first-spraying",
  AttackRun
> = {
  async "wrong-passwords"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs);
    const sessionId = await reachPasswordStep(world, alice);
    const burst = await world.burst("3", { uid: alice.uid, sessionId }, k, nodes, (i) => `wrong-${i}`);
    const answers = tally(burst.results);
    const after = await world.one(0, {
      __step: "3",
      username: alice.uid,
      __session_id: sessionId,
      password: alice.password,
    });
    return {
      evaluated: passwordsJudged(answers, world, nodes),
      limit: LIMITS.passwords,
      sms: null,
      rightAccepted: granted(after) ? "yes, a token" : "no",
      tokens: burst.results.filter(granted).length + (granted(after) ? 1 : 0),
      answers,
      perRound: [],
    };
  },

  async "right-password-among-many"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs);
    const sessionId = await reachPasswordStep(world, alice);
    const right = Math.floor(seeded(7)() * k);
    const burst = await world.burst("3", { uid: alice.uid, sessionId }, k, nodes, (i) =>
      i === right ? alice.password : `wrong-${i}`,
    );
    const answers = tally(burst.results);
    const tokens = burst.results.filter(granted).length;
    return {
      evaluated: passwordsJudged(answers, world, nodes),
      limit: LIMITS.passwords,
      sms: null,
      rightAccepted: granted(burst.results[right]!) ? "yes" : "no",
      tokens,
      answers,
      perRound: [],
    };
  },

  async "password-first-wrong-passwords"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs, "password_first");
    const burst = await world.all(
      Array.from({ length: k }, (_, i) =>
        world.request(
          i % nodes,
          { __step: "1", username: alice.uid, password: `wrong-${i}` },
          address(i + 1),
        ),
      ),
    );
    const answers = tally(burst.results);
    const after = await startWithRightPassword(world, alice);
    return {
      evaluated: passwordFirstEvaluated(answers),
      limit: LIMITS.failuresPerUser,
      sms: sentSms(burst),
      rightAccepted: after === null ? "no" : "yes, a code",
      tokens: after === null ? 0 : await tokenFor(world, alice, after),
      answers,
      perRound: [],
    };
  },

  async "password-first-right-among-many"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs, "password_first");
    const right = Math.floor(seeded(7)() * k);
    const burst = await world.all(
      Array.from({ length: k }, (_, i) =>
        world.request(
          i % nodes,
          { __step: "1", username: alice.uid, password: i === right ? alice.password : `wrong-${i}` },
          address(i + 1),
        ),
      ),
    );
    const answers = tally(burst.results);
    const rightReply = burst.results[right]!;
    const started = fields(rightReply).status === "proceed" ? startedBy(rightReply) : null;
    // The code step takes a failure slot too, so once the wrong guesses have filled the lockout the right password's
    // code is refused as well: the figure says which happened.
    const tokens = started === null ? 0 : await tokenFor(world, alice, started);
    let rightAccepted = "no";
    if (started !== null)
      rightAccepted = tokens === 1 ? "yes, then a token" : "yes, then its code locked out";
    return {
      evaluated: passwordFirstEvaluated(answers),
      limit: LIMITS.failuresPerUser,
      sms: sentSms(burst),
      rightAccepted,
      tokens,
      answers,
      perRound: [],
    };
  },

  // One address tries one password against K users at once: no SMS stands before the check, so the address's own
  // failure limit is what holds.
  async "password-first-spraying"(world, { k, latencyMs, nodes }) {
    const users = Array.from({ length: k }, (_, i) => person(i + 1));
    await world.reset(users, latencyMs, "password_first");
    const burst = await world.all(
      users.map((user, i) =>
        world.request(
          i % nodes,
          { __step: "1", username: user.uid, password: "Summer2026!" },
          "198.51.100.9",
        ),
      ),
    );
    const answers = tally(burst.results);
    // Once the burst is over, a right password from the same address (the first user's, with 9 failures left).
    const after = await world.one(
      0,
      { __step: "1", username: users[0]!.uid, password: users[0]!.password },
      "198.51.100.9",
    );
    return {
      evaluated: passwordFirstEvaluated(answers),
      limit: LIMITS.passwordFailuresPerIp,
      sms: sentSms(burst),
      rightAccepted: fields(after).status === "proceed" ? "yes, a code" : "no",
      tokens: 0,
      answers,
      perRound: [],
    };
  },
};

/** evaluatedOf for the password step's attacks: wrong passwords, tokens, max_password_attempts per budget. */
function passwordsJudged(answers: Record<string, number>, world: ParallelWorld, nodes: number): number {
  return evaluatedOf(answers, "invalid_credentials", "granted", budgets(world, nodes), LIMITS.passwords);
}

async function reachPasswordStep(world: ParallelWorld, p: Phone): Promise<string> {
  const { sessionId, code } = await start(world, p, "192.0.2.1");
  const reply = await world.one(0, { __step: "2", username: p.uid, __session_id: sessionId, password: code });
  if (fields(reply).step !== "3") throw new Error(`step 2 failed: ${JSON.stringify(reply.headers)}`);
  return sessionId;
}

/**
 * Wrong passwords judged at a password_first start: each invalid_credentials answer follows a password check, while the
 * lockout's refusal (rate_limited) comes before any. The right password, when judged, shows in rightAccepted and in the
 * answers as proceed; it gives its failure slot back, so it is not one of the limit's evaluations.
 */
function passwordFirstEvaluated(answers: Record<string, number>): number {
  return answers["invalid_credentials"] ?? 0;
}

function startedBy(reply: AuthenticateReply): Started {
  const sessionId = fields(reply).session_id;
  if (sessionId === undefined) throw new Error(`no session: ${JSON.stringify(reply.headers)}`);
  return { sessionId, code: codeIn(reply) };
}

/** A password_first start with the right password, serially: the session it opened, or null when it was refused. */
async function startWithRightPassword(world: ParallelWorld, p: Phone): Promise<Started | null> {
  const reply = await world.one(0, { __step: "1", username: p.uid, password: p.password });
  return fields(reply).status === "proceed" ? startedBy(reply) : null;
}

/** The code of a password_first session grants at step 2: 1 when it gave a token. */
async function tokenFor(world: ParallelWorld, p: Phone, started: Started): Promise<number> {
  return granted(await world.rightCode(p, started)) ? 1 : 0;
}
