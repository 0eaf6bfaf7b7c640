// S6 (no secrets in logs or answers) and S10 (every attempt logged with outcome, user, client, IP, session reference).

import { formatEventLine } from "../../src/flow";
import { sessionRef, hashKeyFor } from "../../src/flow/otp";
import { TestWorld } from "./doubles/ports";
import { AUTH_TOKEN, Driver, lastLine, makeConfig, user } from "./doubles/scenario";

const PHONE = "+4915112345678";

function walk(overrides: Record<string, string | null> = {}) {
  const world = new TestWorld([user("alice", { password: "Sup3r-Secret-Pass" }, { mobile: [PHONE] })]);
  const config = makeConfig(overrides);
  const app = new Driver(world, config);
  const codes: string[] = [];
  const first = app.start("alice")["session_id"]!;
  codes.push(world.otp.lastCode());
  app.code("alice", first, codes[0] === "000001" ? "000002" : "000001");
  world.clock.advanceSeconds(60);
  app.resend("alice", first);
  codes.push(world.otp.lastCode());
  app.code("alice", first, codes[1]!);
  app.password("alice", first, "wrong-Secret-Pass");
  app.password("alice", first, "Sup3r-Secret-Pass");
  app.start("nobody");
  return { world, config, app, codes, sessionId: first };
}

describe("S6: nothing secret leaves the flow", () => {
  test.each(["none", "masked"])(
    "with phone_hint=%s: no code, password, secret, session id or phone in headers, events or logs",
    (hint) => {
      const { app, codes, sessionId } = walk({ phone_hint: hint });
      const text = app.everything();
      const logsAndEvents = text.split("\n").filter((line) => !line.startsWith("status="));
      for (const secret of [
        ...codes,
        "Sup3r-Secret-Pass",
        "wrong-Secret-Pass",
        AUTH_TOKEN,
        PHONE,
        "15112345678",
      ]) {
        expect(text).not.toContain(secret);
      }
      for (const line of logsAndEvents) {
        expect(line).not.toContain(sessionId);
      }
    },
  );

  test("with phone_hint=full the number is in the start header only, never in events or logs", () => {
    const { world, app } = walk({ phone_hint: "full" });
    expect(app.outcomes[0]!.header!.value).toContain(PHONE);
    for (const outcome of app.outcomes) {
      expect(JSON.stringify(outcome.events)).not.toContain(PHONE);
    }
    for (const entry of world.log.lines) {
      expect(entry.line).not.toContain(PHONE);
    }
  });

  test("no header value carries the code, even in error answers", () => {
    const { app, codes } = walk();
    for (const outcome of app.outcomes) {
      for (const code of codes) {
        expect(outcome.header?.value ?? "").not.toContain(code);
      }
    }
  });
});

describe("S10: every attempt is logged", () => {
  test("each request writes exactly one line, matching its one event", () => {
    const { world, app } = walk();
    expect(world.log.lines).toHaveLength(app.outcomes.length);
    app.outcomes.forEach((outcome, index) => {
      expect(outcome.events).toHaveLength(1);
      expect(world.log.lines[index]!.line).toBe(formatEventLine(outcome.events[0]!));
    });
  });

  test("events carry outcome, user id, client id, IP, a session reference and the masked phone", () => {
    const { world, config, app, sessionId } = walk();
    const ref = sessionRef(world.hash, hashKeyFor(config, world.hash), sessionId);
    expect(ref).toMatch(/^[0-9a-f]{12}$/);
    expect(app.outcomes.map((outcome) => [outcome.events[0]!.event, outcome.events[0]!.outcome])).toEqual([
      ["start", "proceed"],
      ["code", "invalid_otp"],
      ["resend", "proceed"],
      ["code", "proceed"],
      ["password", "invalid_credentials"],
      ["password", "granted"],
      ["start", "proceed"],
    ]);
    expect(app.outcomes[5]!.events[0]).toEqual({
      event: "password",
      outcome: "granted",
      errorCode: null,
      userId: "alice",
      clientId: "client-app-1",
      ipAddress: "203.0.113.7",
      sessionRef: ref,
      maskedPhone: "********78",
      login: "alice",
      limit: null,
      detail: null,
    });
    expect(world.log.lines[5]!).toEqual({
      level: "info",
      line: `gamatech-ropc event=password outcome=granted error_code=- user=alice client=client-app-1 ip=203.0.113.7 session=${ref} phone=********78 login=alice limit=- detail=-`,
    });
    expect(world.log.lines[4]!.level).toBe("warn");
    expect(world.log.lines[4]!.line).toContain("error_code=10008");
  });

  test("a decoy start is logged as a start without user, with the reason", () => {
    const { app } = walk();
    expect(app.outcomes[6]!.events[0]).toMatchObject({
      event: "start",
      outcome: "proceed",
      userId: null,
      maskedPhone: null,
      detail: "decoy: unknown user",
    });
  });

  test("user-supplied text is escaped, ASCII only and capped", () => {
    const world = new TestWorld();
    const app = new Driver(world, makeConfig(), "client\nforged=1", "10.0.0.1 x");
    app.start("Jos\u00e9 \u65e5\u672c " + "y".repeat(100));
    const line = lastLine(world);
    expect(/^[\x20-\x7e]+$/.test(line)).toBe(true);
    expect(line).toContain("login=jos\\u00e9\\u0020\\u65e5\\u672c\\u0020yyy");
    expect(line).toContain("client=client\\u000aforged\\u003d1");
    expect(line).toContain("ip=10.0.0.1\\u0020x");
    expect(line).toMatch(/y\.\.\. limit=- detail=/);
    // Every field is one token except the quoted detail, which holds the flow's own words.
    expect(line.endsWith(' detail="decoy: unknown user"')).toBe(true);
    expect(line.slice(0, line.indexOf(' detail="')).split(" ")).toHaveLength(11);
  });

  test("rejected requests are logged too", () => {
    const world = new TestWorld();
    const app = new Driver(world, makeConfig());
    app.send({ __step: "7", username: "alice" });
    expect(lastLine(world)).toBe(
      'gamatech-ropc event=request outcome=invalid_request error_code=10011 user=- client=client-app-1 ip=203.0.113.7 session=- phone=- login=- limit=- detail="unknown __step"',
    );
  });
});
