// Log lines an operator can use (issue 13): a quoted detail that greps as documented, the limit behind every rate_limited
// line, and an SMS whose "expires in N minutes" is the code's real remaining life.

import { readFileSync } from "fs";
import { join } from "path";
import { logQuoted } from "../../src/flow/log-text";
import {
  LIMIT_COOLDOWN,
  LIMIT_IP_HOUR,
  LIMIT_IP_PASSWORDS,
  LIMIT_LOCKOUT,
  LIMIT_SESSION_SENDS,
  LIMIT_USER_HOUR,
} from "../../src/flow/rate-limits";
import { TestWorld } from "./doubles/ports";
import { Driver, lastLine, makeConfig, parseHeader, user } from "./doubles/scenario";

function setup(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice"), user("bob", {}, { mobile: ["+4917000000042"] })]);
  const config = makeConfig(overrides);
  return { world, config, app: new Driver(world, config) };
}

function wrongCode(right: string): string {
  return right === "123456" ? "654321" : "123456";
}

/** The value of one field of a log line: a bare token, or the quoted text without its quotes. */
function field(line: string, name: string): string {
  const match = new RegExp(` ${name}=("[^"]*"|\\S*)`).exec(line);
  if (match === null) throw new Error(`no ${name} in ${line}`);
  const value = match[1]!;
  return value.startsWith('"') ? value.slice(1, -1) : value;
}

describe("detail is quoted and reads as documented", () => {
  test("a detail with spaces is one quoted value, its spaces kept", () => {
    const { world, app } = setup();
    app.start("nobody");
    expect(lastLine(world).endsWith(' limit=- detail="decoy: unknown user"')).toBe(true);
    app.send({ __step: "2", username: "alice" });
    expect(lastLine(world)).toContain('detail="missing __session_id"');
  });

  test("no detail is a bare -, and nothing in a detail can end the quotes or forge a field", () => {
    const { world, app } = setup();
    app.start("alice");
    expect(lastLine(world).endsWith(" detail=-")).toBe(true);
    for (const entry of world.log.lines) {
      expect(entry.line).toMatch(/ detail=(-|"[^"\\]*(\\u[0-9a-f]{4}[^"\\]*)*")$/);
    }
  });
});

describe("every rate_limited line names its limit", () => {
  test("cooldown and session_sends on a resend", () => {
    const { world, app } = setup({ max_sends_per_session: "2" });
    const sessionId = app.start("alice")["session_id"]!;
    expect(app.resend("alice", sessionId)["error"]).toBe("rate_limited");
    expect(field(lastLine(world), "limit")).toBe("cooldown");
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["status"]).toBe("proceed");
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["error"]).toBe("rate_limited");
    expect(field(lastLine(world), "limit")).toBe("session_sends");
  });

  test("user_hour on a start and on a resend", () => {
    const { world, app } = setup({ max_sends_per_user_per_hour: "2" });
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    app.resend("alice", sessionId);
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["error"]).toBe("rate_limited");
    expect(field(lastLine(world), "limit")).toBe("user_hour");
    expect(app.start("alice")["error"]).toBe("rate_limited");
    expect(field(lastLine(world), "limit")).toBe("user_hour");
  });

  test("ip_hour when the client address has used its sends", () => {
    const { world, app } = setup({ max_sends_per_ip_per_hour: "1" });
    app.start("alice");
    expect(app.start("bob")["error"]).toBe("rate_limited");
    expect(field(lastLine(world), "limit")).toBe("ip_hour");
  });

  test("lockout at the code step, the password step and a new start", () => {
    const { world, app } = setup({ max_failures_per_user_per_hour: "2", max_sends_per_user_per_hour: "10" });
    const waiting = app.reachPasswordStep("alice");
    const first = app.start("alice")["session_id"]!;
    app.code("alice", first, wrongCode(world.otp.lastCode()));
    app.code("alice", first, wrongCode(world.otp.lastCode()));
    const refused = [
      app.code("alice", first, world.otp.lastCode())["error"],
      parseHeader(app.password("alice", waiting, "pw-of-alice").header?.value)["error"],
      app.start("alice")["error"],
    ];
    expect(refused).toEqual(["rate_limited", "rate_limited", "rate_limited"]);
    const limits = world.log.lines.slice(-3).map((entry) => field(entry.line, "limit"));
    expect(limits).toEqual(["lockout", "lockout", "lockout"]);
  });

  test("lines of other outcomes say limit=-", () => {
    const { world, app } = setup();
    const sessionId = app.start("alice")["session_id"]!;
    app.code("alice", sessionId, wrongCode(world.otp.lastCode()));
    app.start("nobody");
    expect(world.log.lines.map((entry) => field(entry.line, "limit"))).toEqual(["-", "-", "-"]);
  });
});

describe("the SMS promises no more than the code has", () => {
  const template = { sms_template: "code {code} for {minutes} min" };

  test("a first code states its ttl in whole minutes, rounded down", () => {
    const { world, app } = setup({ ...template, otp_ttl_seconds: "150" });
    expect(app.start("alice")["expires_in"]).toBe("150");
    expect(world.otp.sms[0]!.body).toMatch(/ for 2 min$/);
  });

  test("a late resend states what is left of the session, as expires_in does", () => {
    const { world, app } = setup(template);
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(400);
    const resent = app.resend("alice", sessionId);
    expect(resent["expires_in"]).toBe("200");
    expect(world.otp.sms[1]!.body).toMatch(/ for 3 min$/);
  });

  test("expires_in rounds down too: the code still works at the last second it announced", () => {
    const { world, app } = setup(template);
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.now += 400_500;
    const resent = app.resend("alice", sessionId);
    expect(resent["expires_in"]).toBe("199");
    expect(world.otp.sms[1]!.body).toMatch(/ for 3 min$/);
    world.clock.advanceSeconds(199);
    expect(app.code("alice", sessionId, world.otp.lastCode())["step"]).toBe("3");
  });

  test("an early resend states the full ttl", () => {
    const { world, app } = setup(template);
    const sessionId = app.start("alice")["session_id"]!;
    world.clock.advanceSeconds(60);
    expect(app.resend("alice", sessionId)["expires_in"]).toBe("300");
    expect(world.otp.sms[1]!.body).toMatch(/ for 5 min$/);
  });
});

describe("the documented log format", () => {
  test("docs/configuration.md lists exactly the limit names the flow writes, each with its property", () => {
    const text = readFileSync(join(__dirname, "..", "..", "docs", "configuration.md"), "utf8");
    const rows = text
      .split("\n")
      .map((line) => /^\s*\| `([a-z_]+)` +\| `([a-z_]+)` +\|/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]);
    expect(rows).toEqual([
      [LIMIT_COOLDOWN, "resend_cooldown_seconds"],
      [LIMIT_SESSION_SENDS, "max_sends_per_session"],
      [LIMIT_USER_HOUR, "max_sends_per_user_per_hour"],
      [LIMIT_IP_HOUR, "max_sends_per_ip_per_hour"],
      [LIMIT_LOCKOUT, "max_failures_per_user_per_hour"],
      [LIMIT_IP_PASSWORDS, "max_password_failures_per_ip_per_hour"],
    ]);
  });

  test("each detail docs/configuration.md shows is what the flow writes, quotes included", () => {
    const text = readFileSync(join(__dirname, "..", "..", "docs", "configuration.md"), "utf8");
    const documented = [...text.matchAll(/detail="[^"]+"/g)].map((match) => match[0]);
    const { world, app } = setup();
    app.start("nobody");
    const sessionId = app.start("alice")["session_id"]!;
    new Driver(world, app.config, "other-client").code("alice", sessionId, "123456");
    world.otp.mode = { kind: "refuse", errorCode: 21211 };
    app.start("bob");
    const written = world.log.lines.map((entry) => entry.line.slice(entry.line.indexOf(" detail=") + 1));
    expect(documented).toHaveLength(3);
    for (const example of documented) {
      expect(written).toContain(example);
    }
  });

  test("inside the quotes a quote, a backslash, = and control characters are escaped; spaces stay", () => {
    expect(logQuoted('a "b" \\ c=d\n', 64)).toBe('"a \\u0022b\\u0022 \\u005c c\\u003dd\\u000a"');
    expect(logQuoted("x".repeat(70), 64)).toBe('"' + "x".repeat(64) + '..."');
  });
});
