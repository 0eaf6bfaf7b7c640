// The random request sequences of the property suite, and one run of them through the model; shared with
// scripts/security-figures.ts so the figures come from the same generator, seeds and run counts as the tests.

import fc from "fast-check";
import { AUTH_TOKEN } from "../flow/doubles/scenario";
import { properties, standardUsers } from "./app";
import { flowTarget } from "./flow-target";
import { CLIENTS, IPS, LOGINS, Model, MODEL_LIMITS } from "./model";
import type { Command } from "./model";
import type { Fault, TargetFactory } from "./target";

/** Sequences per property; the two together run at least 10,000 sequences. */
export const RUNS = { clean: 6000, faulty: 4000 };
export const SEED = 20261128;

const index = (size: number) => fc.nat({ max: size - 1 });
/** Mostly the session's own login value and client, sometimes another. */
const usually = (size: number) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: index(size) });

const requestCommand: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("start" as const),
      login: usually(LOGINS.length),
      client: usually(CLIENTS.length),
      ip: index(IPS.length),
      node: index(2),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("resend" as const),
      session: fc.nat(7),
      login: usually(LOGINS.length),
      client: usually(CLIENTS.length),
      ip: index(IPS.length),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("code" as const),
      session: fc.nat(7),
      login: usually(LOGINS.length),
      client: usually(CLIENTS.length),
      which: fc.constantFrom(
        "right" as const,
        "right" as const,
        "right" as const,
        "old" as const,
        "wrong" as const,
        "malformed" as const,
      ),
      field: fc.constantFrom("password" as const, "__otp_code" as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("password" as const),
      session: fc.nat(7),
      login: usually(LOGINS.length),
      client: usually(CLIENTS.length),
      which: fc.constantFrom("right" as const, "right" as const, "wrong" as const, "another user's" as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("wait" as const),
      seconds: fc.constantFrom(1, 29, 30, 61, 119, 120, 241, 3600),
    }),
  },
);

export const FAULTS: Fault[] = [
  { kind: "provider-refuses", errorCode: 21211 },
  { kind: "provider-throws", message: "Read timed out" },
  ...["create", "get", "update", "remove"].map((method): Fault => ({
    kind: "store-throws",
    store: "sessions",
    method,
  })),
  ...["get", "put"].map((method): Fault => ({ kind: "store-throws", store: "counters", method })),
  { kind: "store-forgets", store: "sessions" },
  { kind: "directory-throws" },
  { kind: "passwords-throw" },
  { kind: "log-throws" },
];

export const PROVIDER_FAULTS = FAULTS.slice(0, 2);

export function sequences(allowed: Fault[]): fc.Arbitrary<Command[]> {
  const fault = fc.record({ op: fc.constant("fault" as const), fault: fc.constantFrom(...allowed) });
  return fc.array(fc.oneof({ weight: 8, arbitrary: requestCommand }, { weight: 1, arbitrary: fault }), {
    minLength: 1,
    maxLength: 14,
  });
}

/** Sequences that verified a code, got a token, and met a limit, over the runs in this process. */
export const reached = { verified: 0, granted: 0, refusedByLimit: 0 };

export function violations(commands: Command[], factory: TargetFactory = flowTarget): string[] {
  const users = standardUsers();
  const model = new Model(factory({ users, properties: properties(MODEL_LIMITS) }), users, [AUTH_TOKEN]);
  for (const command of commands) {
    model.run(command);
  }
  reached.verified += model.reached.verified > 0 ? 1 : 0;
  reached.granted += model.reached.granted > 0 ? 1 : 0;
  reached.refusedByLimit += model.reached.refusedByLimit > 0 ? 1 : 0;
  return model.violations;
}
