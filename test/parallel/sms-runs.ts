// The attacks on sending: step 1 released K times together, for one user from many addresses, for many users from one
// address, and as resends of one session.

import type { AttackRun } from "./attack-terms";
import { LIMITS } from "./attack-terms";
import { address, person, start } from "./parallel-world";
import { mergeInto, sentSms, tally } from "./replies";

export const SMS_RUNS: Record<"one-user-many-addresses" | "many-users-one-address" | "resends", AttackRun> = {
  async "one-user-many-addresses"(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs);
    const burst = await world.all(
      Array.from({ length: k }, (_, i) =>
        world.request(i % nodes, { __step: "1", username: alice.uid }, address(i + 1)),
      ),
    );
    return {
      evaluated: null,
      limit: LIMITS.smsPerUser,
      sms: sentSms(burst),
      rightAccepted: "-",
      tokens: 0,
      answers: tally(burst.results),
      perRound: [],
    };
  },

  async "many-users-one-address"(world, { k, latencyMs, nodes }) {
    const users = Array.from({ length: k }, (_, i) => person(i + 1));
    await world.reset(users, latencyMs);
    const burst = await world.all(
      users.map((user, i) => world.request(i % nodes, { __step: "1", username: user.uid }, "198.51.100.7")),
    );
    return {
      evaluated: null,
      limit: LIMITS.smsPerIp,
      sms: sentSms(burst),
      rightAccepted: "-",
      tokens: 0,
      answers: tally(burst.results),
      perRound: [],
    };
  },

  async resends(world, { k, latencyMs, nodes }) {
    const alice = person(1);
    await world.reset([alice], latencyMs);
    const started = await start(world, alice, "192.0.2.1");
    const answers: Record<string, number> = {};
    const perRound: number[] = [];
    // Three bursts, each once the cooldown has passed: one send each is allowed until the session's cap (3, the first
    // send included) is used up, so a script that holds both limits sends 1, 1, 0.
    for (let round = 0; round < LIMITS.smsPerSession; round++) {
      await world.host.advanceClock(LIMITS.resendCooldownSeconds * 1000);
      const burst = await world.all(
        Array.from({ length: k }, (_, i) =>
          world.request(
            i % nodes,
            { __step: "1", username: alice.uid, __session_id: started.sessionId },
            address(i + 1),
          ),
        ),
      );
      mergeInto(answers, tally(burst.results));
      perRound.push(sentSms(burst));
    }
    return {
      evaluated: null,
      limit: LIMITS.smsPerSession,
      sms: 1 + perRound.reduce((a, b) => a + b, 0),
      rightAccepted: "-",
      tokens: 0,
      answers,
      perRound,
    };
  },
};
