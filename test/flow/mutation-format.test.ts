// What the formatting and lookup helpers do at the edges the request-path tests do not reach: the letters at both ends of the
// header alphabet, session text that is not JSON at all, why a phone-less user got no code, and a directory that keeps or
// changes the attribute lists it is handed.

import { headerSafe } from "../../src/host/ropc-header";
import { parseState } from "../../src/flow/session-state";
import { isSimpleName } from "../../src/flow/text-checks";
import { TestWorld } from "./doubles/ports";
import { Driver, makeConfig, user } from "./doubles/scenario";

describe("header values", () => {
  test("A-Z, a-z and 0-9 stay, their neighbours in ASCII do not", () => {
    expect(headerSafe("AZaz09")).toBe("AZaz09");
    expect(headerSafe("@[`{/:")).toBe("______");
  });
});

describe("attribute and header names", () => {
  test("the last letter of either case is a letter", () => {
    expect(["z", "Az", "mobileZ", "a-z"].map(isSimpleName)).toEqual([true, true, true, true]);
  });
});

describe("session state text", () => {
  test.each(["", "{", "not json", '{"version":1', "null"])("%j is not a session state", (text) => {
    expect(parseState(text)).toBeNull();
  });
});

describe("a user without a usable phone", () => {
  const nophone = () => user("nophone", {}, { mobile: [], telephoneNumber: ["0151 123"] });

  test("with enumeration protection off: 10003, and the log says why", () => {
    const world = new TestWorld([nophone()]);
    const app = new Driver(world, makeConfig({ enumeration_protection: "false" }));
    expect(app.start("nophone")["error_code"]).toBe("10003");
    expect(app.outcomes[0]!.events[0]!.detail).toBe("no usable phone");
    expect(world.otp.sms).toEqual([]);
  });

  test("with enumeration protection on: a decoy, and the log says why", () => {
    const world = new TestWorld([nophone()]);
    const app = new Driver(world, makeConfig());
    expect(app.start("nophone")["status"]).toBe("proceed");
    expect(app.outcomes[0]!.events[0]).toMatchObject({ userId: null, detail: "decoy: no usable phone" });
    expect(world.otp.sms).toEqual([]);
  });
});

test("a directory that reorders or extends the attribute lists it is given changes nothing for the next request", () => {
  const world = new TestWorld([user("alice")]);
  const config = makeConfig();
  const lookup = world.directory.findUser.bind(world.directory);
  world.directory.findUser = (loginValue, loginAttributes, phoneAttributes) => {
    const found = lookup(loginValue, loginAttributes, phoneAttributes);
    loginAttributes.reverse().push("cn");
    phoneAttributes.length = 0;
    return found;
  };
  const app = new Driver(world, config);
  expect(app.start("alice")["status"]).toBe("proceed");
  expect(app.start("alice@example.com")["status"]).toBe("proceed");
  expect(world.otp.sms).toHaveLength(2);
  expect(config.loginAttributes).toEqual(["uid", "mail"]);
  expect(config.phoneAttributes).toEqual(["mobile", "telephoneNumber"]);
});
