// The conformance runner's challenge translation is strict both ways: a request it cannot say, or an answer outside the
// spec, fails the scenario instead of being read loosely.

import { challengeParams, decodeChallenge, decodeGrant } from "./challenge-wire";

const ID = "0f".repeat(32);

describe("requests", () => {
  test("each ROPC step becomes its challenge request", () => {
    expect(challengeParams({ __step: ["1"], username: ["alice"], password: [""] }, "code_first")).toEqual({
      username: ["alice"],
    });
    expect(
      challengeParams({ __step: ["1"], username: ["alice"], password: ["pw"] }, "password_first"),
    ).toEqual({
      username: ["alice"],
      password: ["pw"],
    });
    expect(
      challengeParams({ __step: ["1"], username: ["a"], __session_id: [ID], password: [""] }, "code_first"),
    ).toEqual({ username: ["a"], auth_session: [ID], action: ["resend"] });
    expect(challengeParams({ __step: ["2"], __session_id: [ID], password: ["1"] }, "code_first")).toEqual({
      auth_session: [ID],
      otp: ["1"],
    });
    expect(
      challengeParams({ __step: ["2"], __session_id: [ID], __otp_code: ["2"], password: [""] }, "code_first"),
    ).toEqual({ auth_session: [ID], otp: ["2"] });
    expect(challengeParams({ __step: ["3"], __session_id: [ID], password: ["pw"] }, "code_first")).toEqual({
      auth_session: [ID],
      password: ["pw"],
    });
    expect(challengeParams({ __step: ["abandon"], __session_id: [ID] }, "code_first")).toEqual({
      auth_session: [ID],
      action: ["abandon"],
    });
  });

  test("a step or parameter without a challenge meaning is refused", () => {
    expect(() => challengeParams({ __step: ["4"] }, "code_first")).toThrow(/__step/);
    expect(() => challengeParams({ username: ["a"] }, "code_first")).toThrow(/__step/);
    expect(() => challengeParams({ __step: ["1", "2"] }, "code_first")).toThrow(/__step/);
    expect(() => challengeParams({ __step: ["1"], client_secret: ["x"] }, "code_first")).toThrow(
      /client_secret/,
    );
  });
});

describe("answers", () => {
  test("the spec's shapes are read into the ROPC vocabulary", () => {
    const proceed = `{"error":"insufficient_authorization","auth_session":"${ID}","next":"password","expires_in":600}`;
    expect(decodeChallenge(401, proceed)).toEqual({
      pairs: { status: "proceed", session_id: ID, step: "3", expires_in: "600" },
      keys: ["error", "auth_session", "next", "expires_in"],
    });
    expect(decodeChallenge(429, `{"error":"rate_limited","error_code":10010,"retry_after":5}`).pairs).toEqual(
      {
        status: "error",
        error_code: "10010",
        retry_after: "5",
      },
    );
    expect(decodeChallenge(400, `{"error":"abandoned","auth_session":"${ID}"}`).pairs).toEqual({
      status: "abandoned",
      session_id: ID,
    });
    expect(decodeGrant(200, `{"authorization_code":"abc"}`).pairs).toBeNull();
  });

  test.each([
    [401, `{"error":"insufficient_authorization","auth_session":"${ID}","next":"otp","extra":1}`],
    [401, `{"error":"insufficient_authorization","next":"otp","auth_session":"${ID}"}`],
    [401, `{"error":"insufficient_authorization","auth_session":"${ID}","next":"code"}`],
    [401, `{"error":"insufficient_authorization","auth_session":"${ID.toUpperCase()}","next":"otp"}`],
    [401, `{"error":"insufficient_authorization","auth_session":"${ID}","next":"otp","code_length":"6"}`],
    [400, `{"error":"insufficient_authorization","auth_session":"${ID}","next":"otp"}`],
    [401, `{"error":"insufficient_authorization","auth_session":"${ID}"}`],
    [400, `{"error":"invalid_otp","error_code":10005,"attempts_left":2,"attempts_left":2}`],
    [400, `{"error":"session_expired","error_code":10006}`],
    [400, `{"error_code":10005,"error":"invalid_otp"}`],
    [401, `{"error":"invalid_otp","error_code":10005}`],
    [400, `{"error":"invalid_otp","error_code":10005,"error_description":"why"}`],
    [400, `{"error":"invalid_request","error_code":10011}`],
    [400, `{"error":"access_denied","error_description":"Not allowed by authorization challenge script."}`],
    [401, `{"error":"invalid_client"}`],
    [400, `{"error":"abandoned","auth_session":"${ID}","attempts_left":1}`],
    [400, `[]`],
    [400, `not json`],
  ])("HTTP %i %s is outside the spec", (status, body) => {
    expect(() => decodeChallenge(status, body)).toThrow(/outside the spec/);
  });

  test("a grant is 200 with exactly an authorization code", () => {
    expect(() => decodeGrant(201, `{"authorization_code":"abc"}`)).toThrow(/outside the spec/);
    expect(() => decodeGrant(200, `{"authorization_code":"abc","user":"alice"}`)).toThrow(/outside the spec/);
  });
});
