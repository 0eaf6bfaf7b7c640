// A smoke set on each twilio-java line, with the real jars from Maven Central against the fake Twilio API: each sender,
// the VerificationCheck shape of the line, a provider error, a timeout and a 5xx. npm test runs Janssen's 7.17.0 here (the
// newest 12.x runs the full harness, conformance and security suites); GAMATECH_TWILIO_MATRIX=all (npm run test:matrix)
// runs every line.

import * as path from "path";
import { DEFAULT_TWILIO_VERSION, TWILIO_VERSIONS } from "../../src/world/javaDoubles";
import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { AuthenticateRequest } from "../../src/world/protocol";
import { hasVerify } from "../conformance/jython-side";
import { startTestWorld } from "../support/test-world";

const PROBE = path.join(__dirname, "fixtures", "ProbeRopc.py");
const TWILIO = { account_sid: "AC0123456789abcdef0123456789abcdef", auth_token: "token-secret-123" };
const SERVICE = "MG" + "0123456789abcdef".repeat(2);
const TO = "+15550001111";
const FROM = "+15559990000";

const matrix = process.env.GAMATECH_TWILIO_MATRIX;
const versions: readonly string[] =
  matrix === "all" ? TWILIO_VERSIONS : matrix ? matrix.split(",") : [DEFAULT_TWILIO_VERSION];

jest.setTimeout(180_000);

function probe(name: string, ...args: string[]): AuthenticateRequest {
  return { parameters: { probe: name, arg: args }, clientId: "client-1", ip: "10.0.0.1" };
}

/** 8.33.0 changed VerificationCheck.creator(service, code).setTo(to) to creator(service).setTo(to).setCode(code). */
function checkShape(version: string): "7" | "12" {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 8 || (major === 8 && minor >= 33) ? "12" : "7";
}

describe.each(versions)("twilio-java %s", (version) => {
  let host: JythonScriptHost;
  let instance: string;

  beforeAll(() => {
    host = startTestWorld({ twilioVersion: version });
    host.reset();
    instance = host.create(host.load(PROBE));
    host.init(instance, TWILIO);
  });

  afterAll(() => host?.close());

  beforeEach(() => host.reset());

  it("is the version on the classpath", () => {
    expect(host.worldInfo().twilioVersion).toBe(version);
  });

  it("sends from a number and through a messaging service, with the default client and a custom one", () => {
    for (const name of ["sms", "smsDefaultClient"]) {
      const reply = host.authenticate(instance, probe(name, TO, FROM, "code 123456"));
      expect(reply.headers["X-Probe"]).toMatch(/^SM[0-9a-f]{32} queued$/);
      expect(reply.sms).toEqual([
        expect.objectContaining({ to: TO, from: FROM, body: "code 123456", httpStatus: 201 }),
      ]);
    }
    const viaService = host.authenticate(instance, probe("sms", TO, SERVICE, "hi"));
    expect(viaService.headers["X-Probe"]).toMatch(/ accepted$/);
    // The SDK's default client (useSystemProperties) takes the JVM's proxy on every line.
    expect(host.twilioRequests().find((r) => r.userAgent?.includes(version))).toBeDefined();
    expect(host.twilioRequests().filter((r) => r.via === "proxy").length).toBeGreaterThanOrEqual(1);
  });

  it("answers a provider error as ApiException with Twilio's code", () => {
    host.fault({ target: "twilio.message", effect: "apiError", code: 21211, status: 400, times: 1 });
    const reply = host.authenticate(instance, probe("smsDefaultClient", TO, FROM, "x"));
    expect(reply).toMatchObject({
      outcome: "raised",
      exception: { type: "com.twilio.exception.ApiException" },
    });
    expect(reply.sms).toEqual([expect.objectContaining({ errorCode: 21211, httpStatus: 400 })]);
  });

  it("retries a 500 up to three requests in all", () => {
    host.fault({ target: "twilio.message", effect: "apiError", status: 500 });
    const reply = host.authenticate(instance, probe("smsDefaultClient", TO, FROM, "x"));
    expect(reply.outcome).toBe("raised");
    expect(reply.sms.map((record) => record.httpStatus)).toEqual([500, 500, 500]);
  });

  it("gives up on a request the provider never answers (the custom client's 3 s read timeout)", () => {
    host.fault({ target: "twilio.message", effect: "timeout", delayMs: 20_000, times: 1 });
    const started = Date.now();
    const reply = host.authenticate(instance, probe("sms", TO, FROM, "x"));
    expect(reply.outcome).toBe("raised");
    // 12.x ignores a RequestConfig timeout (the probe then uses the SDK's default client: 30 s); the others honour 3 s.
    if (!version.startsWith("12.")) expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("runs Verify with this line's VerificationCheck shape, or has no Verify at all", () => {
    const started = host.authenticate(instance, probe("verifyStart", "VA1", TO));
    if (!hasVerify(version)) {
      expect(started).toMatchObject({
        outcome: "raised",
        exception: { message: expect.stringMatching(/verify/) },
      });
      return;
    }
    expect(started.headers["X-Probe"]).toBe("pending");
    const code = started.verify[0]?.code ?? "";
    const shape = checkShape(version);
    expect(host.authenticate(instance, probe("verifyCheck", "VA1", TO, "000000")).headers["X-Probe"]).toBe(
      `${shape} pending`,
    );
    expect(host.authenticate(instance, probe("verifyCheck", "VA1", TO, code)).headers["X-Probe"]).toBe(
      `${shape} approved`,
    );
  });
});
