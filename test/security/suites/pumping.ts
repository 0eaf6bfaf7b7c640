// S8: resend abuse and SMS pumping. An attacker asks for codes as fast as it can; the provider's record shows what got out.

import { App, IP, properties, standardUsers, user } from "../app";
import type { Target, TargetFactory, TestUser } from "../target";

export interface PumpingPlan {
  /** Login values to ask codes for; unknown ones get decoys. */
  logins: string[];
  /** Source addresses the attacker rotates through. */
  ips: string[];
  /** Seconds between rounds; each round resends in every session opened so far and, every startEvery rounds, starts a login
   * for every (login, ip) pair. */
  tick: number;
  startEvery: number;
  seconds: number;
}

export interface PumpingResult {
  /** Messages per destination number. */
  perPhone: Map<string, number>;
  /** Messages per source address (read from the message count before and after each request). */
  perIp: Map<string, number>;
  /** Messages per session id, the first send included. */
  perSession: Map<string, number>;
  /** The shortest time between two messages of one session, in seconds (Infinity with fewer than two). */
  shortestResendGap: number;
  total: number;
  /** Messages sent when every session the script had called over (10006) was asked once more at the end. */
  sentToEndedSessions: number;
}

/** One user per login value "u<n>", each with a distinct phone. */
export function crowd(count: number): TestUser[] {
  const users: TestUser[] = [];
  for (let n = 0; n < count; n++) {
    users.push(user(`u${n}`, {}, { mobile: [`+4915200${String(n).padStart(6, "0")}`] }));
  }
  return users;
}

/** session_expired: the script no longer knows the session (expired, or ended by its caps). */
const SESSION_OVER = "10006";

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export function pump(target: Target, plan: PumpingPlan): PumpingResult {
  const perIp = new Map<string, number>();
  const perSession = new Map<string, number>();
  const lastSend = new Map<string, number>();
  const sessions: { login: string; ip: string; id: string }[] = [];
  const endedSessions: { login: string; ip: string; id: string }[] = [];
  let shortestResendGap = Infinity;
  let now = 0;
  const counted = (ip: string, send: () => string | undefined): string | undefined => {
    const before = target.messages().length;
    const sessionId = send();
    const sent = target.messages().length - before;
    bump(perIp, ip, sent);
    if (sessionId !== undefined && sent > 0) {
      bump(perSession, sessionId, sent);
      const previous = lastSend.get(sessionId);
      shortestResendGap =
        previous === undefined ? shortestResendGap : Math.min(shortestResendGap, now - previous);
      lastSend.set(sessionId, now);
    }
    return sessionId;
  };
  for (now = 0; now < plan.seconds; now += plan.tick) {
    const ended = new Set<string>();
    for (const session of sessions) {
      const app = new App(target, undefined, session.ip);
      counted(session.ip, () => {
        // The attacker reads the answers: a session the script says is over (10006) is not asked again.
        if (app.resend(session.login, session.id).fields["error_code"] === SESSION_OVER)
          ended.add(session.id);
        return session.id;
      });
    }
    if (ended.size > 0) {
      endedSessions.push(...sessions.filter((session) => ended.has(session.id)));
      sessions.splice(0, sessions.length, ...sessions.filter((session) => !ended.has(session.id)));
    }
    const round = Math.round(now / plan.tick);
    for (const ip of round % plan.startEvery === 0 ? plan.ips : []) {
      const app = new App(target, undefined, ip);
      for (const login of plan.logins) {
        const started = counted(ip, () => app.start(login).fields["session_id"]);
        if (started !== undefined) {
          sessions.push({ login, ip, id: started });
        }
      }
    }
    target.advanceSeconds(plan.tick);
  }
  const beforeSweep = target.messages().length;
  for (const session of endedSessions) {
    counted(session.ip, () => {
      new App(target, undefined, session.ip).resend(session.login, session.id);
      return session.id;
    });
  }
  const sentToEndedSessions = target.messages().length - beforeSweep;
  const perPhone = new Map<string, number>();
  for (const message of target.messages()) {
    bump(perPhone, message.to, 1);
  }
  return {
    perPhone,
    perIp,
    perSession,
    shortestResendGap,
    total: target.messages().length,
    sentToEndedSessions,
  };
}

function max(map: Map<string, number>): number {
  return Math.max(0, ...map.values());
}

/** The limits as configured for the pumping runs: small enough that every cap binds somewhere. */
export const PUMPING_LIMITS = {
  max_sends_per_session: "3",
  resend_cooldown_seconds: "60",
  max_sends_per_user_per_hour: "5",
  max_sends_per_ip_per_hour: "20",
};

export const PUMPING_PLANS: Record<string, (users: number) => PumpingPlan> = {
  "one IP, one user": () => ({ logins: ["u0"], ips: [IP], tick: 7, startEvery: 30, seconds: 3599 }),
  "one IP, many users": (users) => ({
    logins: names(users),
    ips: [IP],
    tick: 61,
    startEvery: 1,
    seconds: 3599,
  }),
  "many IPs, one user": () => ({
    logins: ["u0"],
    ips: addresses(40),
    tick: 13,
    startEvery: 10,
    seconds: 3599,
  }),
  // Six addresses of 20 sends can outrun 20 users' 5 each, so both caps bind; half an hour, since nothing of an hour's
  // window frees before its end (the one-user plans run the whole hour).
  "many IPs, many users": () => ({
    logins: names(20),
    ips: addresses(6),
    tick: 30,
    startEvery: 8,
    seconds: 1799,
  }),
};

function names(count: number): string[] {
  return [...Array(count).keys()].map((n) => `u${n}`);
}

function addresses(count: number): string[] {
  return [...Array(count).keys()].map((n) => `192.0.2.${n + 1}`);
}

// A plan's run is deterministic and some tests read different facts of the same run: it is made once per target kind
// (each "many users" run is thousands of requests, a large share of a Jython suite's time).
const runs = new WeakMap<TargetFactory, Map<string, PumpingResult>>();

export function runPumping(factory: TargetFactory, plan: string, users = 30): PumpingResult {
  const done = runs.get(factory) ?? new Map<string, PumpingResult>();
  runs.set(factory, done);
  const key = `${plan} with ${users} users`;
  const known = done.get(key);
  if (known !== undefined) return known;
  const target = factory({
    users: [...standardUsers(), ...crowd(users)],
    properties: properties(PUMPING_LIMITS),
  });
  const result = pump(target, PUMPING_PLANS[plan]!(users));
  done.set(key, result);
  return result;
}

export function pumpingSuite(factory: TargetFactory): void {
  describe("S8: resend abuse and SMS pumping within one hour", () => {
    test.each(Object.keys(PUMPING_PLANS))("%s: every cap and the cooldown hold", (plan) => {
      const result = runPumping(factory, plan);
      expect(result.total).toBeGreaterThan(0);
      expect(max(result.perPhone)).toBeLessThanOrEqual(5);
      expect(max(result.perIp)).toBeLessThanOrEqual(20);
      expect(max(result.perSession)).toBeLessThanOrEqual(3);
      expect(result.shortestResendGap).toBeGreaterThanOrEqual(60);
      expect(result.sentToEndedSessions).toBe(0);
    });

    test("one IP, one user: resends go out at the cooldown until the per-user cap", () => {
      const result = runPumping(factory, "one IP, one user");
      expect(result.total).toBe(5);
      expect(max(result.perSession)).toBe(3);
      expect(result.shortestResendGap).toBeLessThan(70);
    });

    test("one IP, many users: exactly the per-IP cap gets out", () => {
      expect(runPumping(factory, "one IP, many users").total).toBe(20);
    });

    test("many IPs, one user: exactly the per-user cap gets out", () => {
      expect(runPumping(factory, "many IPs, one user").total).toBe(5);
    });

    test("a session sends exactly max_sends_per_session codes however often it asks", () => {
      const target = factory({
        users: standardUsers(),
        properties: properties({ resend_cooldown_seconds: "0", max_sends_per_user_per_hour: "100" }),
      });
      const app = new App(target);
      const sessionId = app.start("alice").fields["session_id"] ?? "";
      const answers = [...Array(10).keys()].map(
        () => app.resend("alice", sessionId).fields["error"] ?? "proceed",
      );
      expect(target.messages()).toHaveLength(3);
      expect(answers.slice(0, 2)).toEqual(["proceed", "proceed"]);
      expect(new Set(answers.slice(2))).toEqual(new Set(["rate_limited"]));
    });
  });
}
