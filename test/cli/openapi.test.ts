// docs/openapi.json against the sources and the prose, without a server: every error of the flow with its name, every key of
// docs/protocol.md's table, and every example header of docs/protocol.md decodes to an answer the document allows.
// test/e2e/openapi.test.ts checks it against what `serve` answers.

import * as fs from "fs";
import * as path from "path";
import * as errorCodes from "../../src/flow/error-codes";
import { decodeHeader, documentedAnswers, loadOpenApi, OpenApiChecker } from "../e2e/openapi-schema";

const document = loadOpenApi();
const checker = new OpenApiChecker(document);
const PROTOCOL = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "protocol.md"), "utf8");
const TOKEN_PATH = "/jans-auth/restv1/token";

/** The header as a server would send it: decoded as the document says, then checked against the decoded schema. */
function answerProblems(header: string): string[] {
  const grammar = checker.validate(checker.schema("TwoFaHeader"), header);
  return grammar.length > 0 ? grammar : checker.validate(checker.schema("TwoFaAnswer"), decodeHeader(header));
}

test("an OpenAPI 3.1 document of the token endpoint: the step requests, the 401 with the header, the 200 token", () => {
  expect(document.openapi).toMatch(/^3\.1\./);
  const post = (document.paths as any)[TOKEN_PATH].post;
  expect(post.requestBody.content["application/x-www-form-urlencoded"].schema.$ref).toBe(
    "#/components/schemas/StepRequest",
  );
  expect(post.responses["200"].content["application/json"].schema.$ref).toBe(
    "#/components/schemas/TokenResponse",
  );
  const header = post.responses["401"].headers["X-ROPC-TWO-FA"];
  expect(header.schema.$ref).toBe("#/components/schemas/TwoFaHeader");
  expect(header["x-ropc-decoded"].$ref).toBe("#/components/schemas/TwoFaAnswer");
  const steps = (checker.schema("StepRequest").oneOf as { $ref: string }[]).map((branch) =>
    checker.resolve(branch.$ref),
  );
  expect(steps.map((step) => (step.properties as any).__step.const)).toEqual(["1", "1", "2", "3", "abandon"]);
});

test("every error code of the flow is documented with its name, and nothing else", () => {
  const codes = (Object.values(errorCodes) as unknown[]).filter(
    (value): value is number => typeof value === "number",
  );
  const expected = new Map(codes.map((code) => [String(code), errorCodes.errorName(code)]));
  expect(codes.length).toBe(12);
  expect(documentedAnswers(checker).errors).toEqual(expected);
});

test("the keys of docs/protocol.md's header table are exactly the document's", () => {
  const table = PROTOCOL.slice(PROTOCOL.indexOf("| key "), PROTOCOL.indexOf("## Steps"));
  const keys = [...table.matchAll(/^\| `([a-z_]+)` /gm)].map((match) => match[1]);
  expect(new Set(keys)).toEqual(documentedAnswers(checker).keys);
  expect(documentedAnswers(checker).statuses).toEqual(new Set(["proceed", "error", "abandoned"]));
});

test("every example header in docs/protocol.md is an answer the document allows", () => {
  // The prose shortens session ids ("0d1e...77aa"); the document wants all 64 characters.
  const examples = [...PROTOCOL.matchAll(/^X-ROPC-TWO-FA: (\S+)$/gm)].map((match) =>
    (match[1] as string).replace(/[0-9a-f]*\.\.\.[0-9a-f]*/g, "a".repeat(64)),
  );
  expect(examples.length).toBeGreaterThanOrEqual(15);
  for (const example of examples) {
    expect([example, answerProblems(example)]).toEqual([example, []]);
  }
});

test("the checker refuses what the document does not allow", () => {
  const session = "b".repeat(64);
  expect(answerProblems(`status=abandoned;session_id=${session}`)).toEqual([]);
  expect(answerProblems(`session_id=${session};status=abandoned`)).not.toEqual([]);
  expect(answerProblems(`status=abandoned;session_id=${session};step=2`)).not.toEqual([]);
  expect(answerProblems("status=error;error_code=10005;error=invalid_session")).not.toEqual([]);
  expect(answerProblems(`status=error;error_code=10005;error=invalid_otp;session_id=${session}`)).not.toEqual(
    [],
  );
  expect(answerProblems("status=proceed;session_id=x;step=3;expires_in=5")).not.toEqual([]);
  expect(answerProblems("status=error;error_code=10006;error=session expired")).not.toEqual([]);
  // A password-first start has no session yet; attempts_left is still required.
  expect(answerProblems("status=error;error_code=10008;error=invalid_credentials;attempts_left=9")).toEqual(
    [],
  );
  expect(answerProblems("status=error;error_code=10008;error=invalid_credentials")).not.toEqual([]);
  expect(() => checker.validate({ minimum: 1 }, 2)).toThrow(/does not support the keyword minimum/);
});

test("the request shapes: each step request is exactly one of the documented ones", () => {
  const session = "c".repeat(64);
  const base = { grant_type: "password", username: "alice" };
  const step = checker.schema("StepRequest");
  expect(checker.branch(step, { ...base, __step: "1", password: "-" })).toMatch(/StartRequest$/);
  // login_order=password_first: the same shape, with the real password.
  expect(checker.branch(step, { ...base, __step: "1", password: "alice-demo-password" })).toMatch(
    /StartRequest$/,
  );
  expect(checker.branch(step, { ...base, __step: "1", __session_id: session })).toMatch(/ResendRequest$/);
  expect(checker.branch(step, { ...base, __step: "2", __session_id: session, password: "166 354" })).toMatch(
    /CodeRequest$/,
  );
  expect(checker.branch(step, { ...base, __step: "2", __session_id: session })).toBeNull();
  expect(checker.branch(step, { ...base, __step: "3", __session_id: session, password: "pw" })).toMatch(
    /PasswordRequest$/,
  );
  expect(checker.branch(step, { ...base, __step: "abandon", __session_id: session })).toMatch(
    /AbandonRequest$/,
  );
  expect(checker.branch(step, { ...base, __step: "4", __session_id: session })).toBeNull();
});
