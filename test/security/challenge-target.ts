// The Target of the attack suites for dist/GamatechAuthzChallenge.py: the built challenge script in Jython, on the same
// Janssen doubles, real twilio-java SDK and fake Twilio API as jython-target.ts, driven through the server's
// ChallengeEndpoint (reply.http). The suites speak the ROPC wire; each request is translated by the conformance suite's
// strict challengeParams (test/conformance/challenge-wire.ts) and each JSON answer is read back by decodeChallenge /
// decodeGrant into the ROPC header grammar ("status=...;error_code=...;error=...;session_id=...;step=...", the order of
// src/host/ropc-header.ts, error names by code as the ROPC header names them). Anything outside the spec throws.
//
// The script runs with login_order=code_first (the suites' order, the ROPC default) unless a suite sets login_order.
//
// Requests the challenge wire cannot say are NOT sent; the adapter answers them itself, visibly marked
// (";challenge=not_sent"), with the answer the ROPC protocol gives them (10011 invalid_request, no token, nothing sent):
//
//   no-step               `__step` absent, repeated or not one of 1, 2, 3, abandon (session-abuse: `__step` sent twice,
//                         2 tests; hostile: the `__step` place, every input). The challenge wire has no step
//                         parameter: the session's own state says what is due.
//   step-without-session  `__step=2` or `__step=3` without `__session_id` (or with it empty) (session-abuse: "step 2/3
//                         without a session", 2 tests; hostile: the empty input as `__session_id` at the code step). On
//                         the challenge wire a request without auth_session is a start: it would open a session and send
//                         an SMS, a different request altogether.
//
// One answer is sent and then re-read, visibly marked (";challenge_error_code=10011"):
//
//   other-step-input      `__step=2` (a code) sent to a session that waits for the password, or `__step=3` (a password)
//                         to one that waits for the code. The ROPC script refuses the step as 10007 invalid_session. On
//                         the challenge wire the app names no step: the session routes the request, and a code sent where a
//                         password is due is a password request without its password. Its answer 10011 invalid_request
//                         with error_description "missing password" (to a code; "missing otp" to a password), which
//                         must send no message, is read as 10007 (conformance: session-binding.json steps 2 and 6); any
//                         other answer is read as it is, and the suite's assertion judges it.
//
// A parameter both scripts ignore at a step but still refuse repeated: `__otp_code` at `__step=3` is sent as `otp`
// (challengeParams drops it there; the challenge script ignores `otp` at the password step and refuses it repeated, as the
// ROPC script does `__otp_code`). The challenge script's one answer outside the flow's error codes, 401
// {"error":"invalid_client"} for a request without a usable client id (the hostile suite's empty client id; the ROPC
// script answers 10001 there), reads as "status=error;error=invalid_client".
//
// The translation itself is challenge-translation.ts. Every use of each of these is counted (challengeExclusions); each *.challenge.test.ts file checks the counts at its end,
// so no other request is left out. docs/scenarios.md ("The attack suites on the challenge script") lists them too.

import { BUILT_CHALLENGE_SCRIPT } from "../conformance/jython-side";
import { CHALLENGE_HEADER_NAME, challengeRequest, leftOut, readCounted } from "./challenge-translation";
import type { ExclusionName } from "./challenge-translation";
import { DEFAULT_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { closeSharedJython, JythonWorldTarget } from "./jython-world";
import type { AttackAnswer, AttackRequest, TargetFactory, TargetSetup } from "./target";

const LOG_PREFIX = "GamatechAuthzChallenge.";

/** Why each request kind is left out or re-read (see the comment at the top). */
export const EXCLUSIONS: Record<ExclusionName, string> = {
  "no-step": "__step absent, repeated or unknown: the challenge wire has no step parameter (not sent)",
  "step-without-session":
    "__step=2 or 3 without __session_id: a challenge request without auth_session is a start (not sent)",
  "other-step-input":
    "a code to a session at the password step, or a password to one at the code step: the session routes the request, " +
    "answered 10011 missing password / missing otp, read as 10007 (sent)",
};

export { challengeExclusions } from "./challenge-translation";

/** Stops the shared Jython processes; call from afterAll. */
export const closeChallengeTargets = closeSharedJython;

/** The challenge wire: each request translated, each JSON answer read back in the ROPC header's grammar. */
class ChallengeTarget extends JythonWorldTarget {
  private readonly loginOrder: string;

  constructor(setup: TargetSetup, version: string) {
    super(setup, version, BUILT_CHALLENGE_SCRIPT, { login_order: "code_first" });
    this.loginOrder = this.properties.login_order ?? "code_first";
  }

  request(request: AttackRequest): AttackAnswer {
    const notSent = leftOut(request.params);
    if (notSent !== null) return notSent;
    const sentBefore = this.messages().length;
    const reply = this.call(request, challengeRequest(request.params, this.loginOrder));
    const misprefixed = reply.logs.filter((line) => !line.startsWith(LOG_PREFIX));
    if (misprefixed.length > 0)
      throw new Error(`log lines without ${LOG_PREFIX}: ${misprefixed.join(" | ")}`);
    if (reply.outcome === "raised") {
      return {
        header: null,
        headerName: null,
        grantedUserId: null,
        escaped: `${reply.exception.type}: ${reply.exception.message}`,
      };
    }
    const header = readCounted(reply, request.params.__step![0]!, this.messages().length !== sentBefore);
    return {
      header,
      headerName: header === null ? null : CHALLENGE_HEADER_NAME,
      grantedUserId: header === null && reply.user !== null ? reply.user.userId : null,
      escaped: null,
    };
  }
}

/** Challenge-script targets on one twilio-java version (a Verify configuration on an SDK without Verify: see above). */
export function challengeTargetOn(version: string): TargetFactory {
  return (setup) => new ChallengeTarget(setup, version);
}

export const challengeTarget: TargetFactory = challengeTargetOn(DEFAULT_TWILIO_VERSION);
