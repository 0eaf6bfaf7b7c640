// S3: a session works once, in order, for the client and login value that opened it; repeated parameters are refused.

import { App, attack, lastCode, OTHER_CLIENT, wrongCode } from "../app";
import type { TargetFactory } from "../target";

const PARAMETERS = ["__step", "username", "password", "__session_id", "__otp_code"];

export function sessionAbuseSuite(factory: TargetFactory): void {
  describe("S3: replay", () => {
    test("a finished session gives no second token, by password or by code", () => {
      const { target, app } = attack(factory);
      const sessionId = app.start("alice").fields["session_id"] ?? "";
      const code = lastCode(target);
      app.code("alice", sessionId, code);
      expect(app.password("alice", sessionId, "pw-of-alice").answer.grantedUserId).toBe("alice");
      const replayed = app.password("alice", sessionId, "pw-of-alice");
      expect(replayed.answer.grantedUserId).toBeNull();
      expect(replayed.fields["error"]).toBe("session_expired");
      expect(app.code("alice", sessionId, code).fields["error"]).toBe("session_expired");
      expect(target.liveSessions()).toBe(0);
    });

    test("a spent code does not pass twice", () => {
      const { target, app } = attack(factory);
      const sessionId = app.start("alice").fields["session_id"] ?? "";
      const code = lastCode(target);
      expect(app.code("alice", sessionId, code).fields["step"]).toBe("3");
      expect(app.code("alice", sessionId, code).fields["error"]).toBe("invalid_session");
    });

    test("a code replaced by a resend is dead", () => {
      const { target, app } = attack(factory);
      const sessionId = app.start("alice").fields["session_id"] ?? "";
      const old = lastCode(target);
      target.advanceSeconds(60);
      app.resend("alice", sessionId);
      const fresh = lastCode(target);
      expect(app.code("alice", sessionId, old === fresh ? wrongCode(old) : old).fields["error"]).toBe(
        "invalid_otp",
      );
      expect(app.code("alice", sessionId, fresh).fields["step"]).toBe("3");
    });
  });

  describe("S3: step skipping", () => {
    test("the password step right after the start is refused, even with the right password", () => {
      const { app } = attack(factory);
      const sessionId = app.start("alice").fields["session_id"] ?? "";
      const skipped = app.password("alice", sessionId, "pw-of-alice");
      expect(skipped.answer.grantedUserId).toBeNull();
      expect(skipped.fields["error"]).toBe("invalid_session");
    });

    test.each(["2", "3"])("step %s without a session is an invalid request", (step) => {
      const { app } = attack(factory);
      const answer = app.send({ __step: step, username: "alice", password: "pw-of-alice" });
      expect(answer.answer.grantedUserId).toBeNull();
      expect(answer.fields["error"]).toBe("invalid_request");
    });

    test("a resend of a session at the password step is refused", () => {
      const { app } = attack(factory);
      const sessionId = app.reachPasswordStep("alice");
      expect(app.resend("alice", sessionId).fields["error"]).toBe("invalid_session");
    });

    test("a code of one session does not open another", () => {
      const { target, app } = attack(factory);
      const first = app.start("alice").fields["session_id"] ?? "";
      const code = lastCode(target);
      const second = new App(target, undefined, "192.0.2.9").start("alice").fields["session_id"] ?? "";
      expect(lastCode(target) === code ? "same" : app.code("alice", second, code).fields["error"]).not.toBe(
        undefined,
      );
      expect(app.code("alice", first, code).fields["step"]).toBe("3");
    });
  });

  describe("S3: another client or another user", () => {
    test.each(["code", "password"])(
      "another client cannot use the session at the %s step, nor spend its tries",
      (step) => {
        const { target, app } = attack(factory);
        const sessionId = app.start("alice").fields["session_id"] ?? "";
        const code = lastCode(target);
        const thief = new App(target, OTHER_CLIENT);
        if (step === "password") {
          app.code("alice", sessionId, code);
        }
        for (let attempt = 0; attempt < 12; attempt++) {
          const stolen =
            step === "code"
              ? thief.code("alice", sessionId, code)
              : thief.password("alice", sessionId, "pw-of-alice");
          expect(stolen.fields["error"]).toBe("invalid_session");
          expect(stolen.answer.grantedUserId).toBeNull();
        }
        if (step === "code") {
          app.code("alice", sessionId, code);
        }
        expect(app.password("alice", sessionId, "pw-of-alice").answer.grantedUserId).toBe("alice");
      },
    );

    test("another login value cannot use the session, and the right user's password does not grant it", () => {
      const { target, app } = attack(factory);
      const sessionId = app.start("alice").fields["session_id"] ?? "";
      expect(app.code("bob", sessionId, lastCode(target)).fields["error"]).toBe("invalid_session");
      app.code("alice", sessionId, lastCode(target));
      const crossed = app.password("bob", sessionId, "pw-of-bob");
      expect(crossed.answer.grantedUserId).toBeNull();
      expect(crossed.fields["error"]).toBe("invalid_session");
    });

    test("the same login value in another case or with spaces is the same login", () => {
      const { target, app } = attack(factory);
      const sessionId = app.start("Alice").fields["session_id"] ?? "";
      app.code(" ALICE ", sessionId, lastCode(target));
      expect(app.password("alice", sessionId, "pw-of-alice").answer.grantedUserId).toBe("alice");
    });
  });

  describe("duplicate parameters", () => {
    test.each(
      PARAMETERS.flatMap((name) => [
        [name, "same"],
        [name, "different"],
      ]),
    )("%s sent twice (%s values) is refused before anything happens", (name, values) => {
      const { target, app } = attack(factory);
      const sessionId = app.reachPasswordStep("alice");
      const sent = target.messages().length;
      const params: Record<string, string | string[]> = {
        __step: "3",
        username: "alice",
        password: "pw-of-alice",
        __session_id: sessionId,
        __otp_code: "123456",
      };
      const first = params[name] as string;
      params[name] = [first, values === "same" ? first : first + "x"];
      const answer = app.send(params);
      expect(answer.answer.grantedUserId).toBeNull();
      expect(answer.fields["error"]).toBe("invalid_request");
      expect(target.messages()).toHaveLength(sent);
      expect(app.password("alice", sessionId, "pw-of-alice").answer.grantedUserId).toBe("alice");
    });
  });
}
