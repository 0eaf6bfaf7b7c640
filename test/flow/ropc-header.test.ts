// The ROPC host's rendering of the flow's answers: every kind, every detail, in the documented order.

import { details, retryDetails } from "../../src/flow/answer";
import type { AnswerDetails, FlowAnswer } from "../../src/flow/answer";
import { ropcHeaderValue } from "../../src/host/ropc-header";

function answer(kind: FlowAnswer["kind"], errorCode: number | null, said: AnswerDetails): FlowAnswer {
  return { kind, errorCode, details: said };
}

const SESSION = "ab".repeat(32);

describe("ROPC header rendering", () => {
  test("a start: every detail a proceed may carry, in protocol order", () => {
    const said = details(SESSION);
    said.phoneHint = "+49*******678";
    said.codeLength = 6;
    said.resendAfter = 60;
    said.expiresIn = 300;
    said.step = 2;
    expect(ropcHeaderValue(answer("proceed", null, said))).toBe(
      `status=proceed;session_id=${SESSION};step=2;expires_in=300;resend_after=60;code_length=6;phone_number=+49*******678`,
    );
  });

  test("an error: code and name first, then session, attempts left and retry time", () => {
    const said = retryDetails(SESSION, 30);
    said.attemptsLeft = 2;
    expect(ropcHeaderValue(answer("error", 10005, said))).toBe(
      `status=error;error_code=10005;error=invalid_otp;session_id=${SESSION};attempts_left=2;retry_after=30`,
    );
    expect(ropcHeaderValue(answer("error", 10010, retryDetails(null, 3600)))).toBe(
      "status=error;error_code=10010;error=rate_limited;retry_after=3600",
    );
    expect(ropcHeaderValue(answer("error", 10009, details(null)))).toBe(
      "status=error;error_code=10009;error=too_many_attempts",
    );
  });

  test("zero is said, not left out", () => {
    const said = details(SESSION);
    said.attemptsLeft = 0;
    said.retryAfter = 0;
    expect(ropcHeaderValue(answer("error", 10008, said))).toBe(
      `status=error;error_code=10008;error=invalid_credentials;session_id=${SESSION};attempts_left=0;retry_after=0`,
    );
  });

  test("an abandon names its session; a grant has no header", () => {
    expect(ropcHeaderValue(answer("abandoned", null, details(SESSION)))).toBe(
      `status=abandoned;session_id=${SESSION}`,
    );
    expect(ropcHeaderValue(answer("granted", null, details(null)))).toBeNull();
  });

  test("a value outside the header grammar cannot break it", () => {
    const said = details("x;y=z");
    said.phoneHint = "+1 555";
    expect(ropcHeaderValue(answer("proceed", null, said))).toBe(
      "status=proceed;session_id=x_y_z;phone_number=+1_555",
    );
  });
});
