// Issue 12 §5: which address the per-IP limit counts. Forged X-Forwarded-For values must not move the counter.

import {
  clientAddress,
  forwardedEntries,
  isIpv4Literal,
  isIpv6Literal,
  plausibleAddress,
  UNTRUSTED_FORWARDED_FOR,
} from "../../src/flow/client-address";
import type { FlowRequest } from "../../src/flow";
import { TestWorld } from "./doubles/ports";
import { CLIENT, Driver, makeConfig, user } from "./doubles/scenario";

const SERVLET = "10.0.0.5";

function request(forwardedFor: string[]): FlowRequest {
  return { params: {}, clientId: CLIENT, ipAddress: SERVLET, forwardedFor };
}

describe("address literals", () => {
  test.each([
    ["203.0.113.7", true],
    ["0.0.0.0", true],
    ["255.255.255.255", true],
    ["256.1.1.1", false],
    ["1.2.3", false],
    ["1.2.3.4.5", false],
    ["01.2.3.4", false],
    ["1.2.3.", false],
    ["1.2.3.a", false],
    ["1234.1.1.1", false],
    ["203.0.113.7:443", false],
  ])("IPv4 %s: %s", (text, ok) => {
    expect(isIpv4Literal(text)).toBe(ok);
  });

  test.each([
    ["::", true],
    ["::1", true],
    ["2001:db8::8a2e:370:7334", true],
    ["2001:db8:0:0:0:0:2:1", true],
    ["::ffff:192.0.2.128", true],
    ["64:ff9b::192.0.2.33", true],
    ["2001:db8:0:0:0:0:2", false],
    ["2001:db8:0:0:0:0:2:1:5", false],
    ["1:2:3:4:5:6:7::8", false],
    ["2001:db8:::1", false],
    ["2001::db8::1", false],
    [":1", false],
    ["12345::1", false],
    ["fe80::1%eth0", false],
    ["[::1]", false],
    ["::ffff:192.0.2", false],
    ["::192.0.2.1:1", false],
    ["g::1", false],
    ["1:2:3:4:5:6:1.2.3.4:1", false],
    ["0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0", false],
    ["1", false],
  ])("IPv6 %s: %s", (text, ok) => {
    expect(isIpv6Literal(text)).toBe(ok);
  });

  test("plausible addresses are trimmed and lower-cased; anything else is not an address", () => {
    expect(plausibleAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
    expect(plausibleAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(plausibleAddress("unknown")).toBeNull();
    expect(plausibleAddress("")).toBeNull();
  });

  test("entries are split on commas across every header value, in order", () => {
    expect(forwardedEntries(["1.1.1.1, 2.2.2.2", " 3.3.3.3 ", ""])).toEqual([
      "1.1.1.1",
      "2.2.2.2",
      "3.3.3.3",
      "",
    ]);
  });
});

describe("clientAddress", () => {
  test("0 trusted proxies: the servlet's address, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request(["198.51.100.1"]), 0)).toBe(SERVLET);
  });

  test("no X-Forwarded-For: the servlet's address (the request did not pass the proxies)", () => {
    expect(clientAddress(request([]), 2)).toBe(SERVLET);
  });

  test("N trusted proxies: the N-th entry from the right", () => {
    const forwarded = ["6.6.6.6, 198.51.100.1", "192.0.2.10"];
    expect(clientAddress(request(forwarded), 1)).toBe("192.0.2.10");
    expect(clientAddress(request(forwarded), 2)).toBe("198.51.100.1");
    expect(clientAddress(request(forwarded), 3)).toBe("6.6.6.6");
  });

  test("fewer entries than trusted proxies, or an implausible entry: the one shared bucket", () => {
    expect(clientAddress(request(["198.51.100.1"]), 2)).toBe(UNTRUSTED_FORWARDED_FOR);
    expect(clientAddress(request(["unknown"]), 1)).toBe(UNTRUSTED_FORWARDED_FOR);
    expect(clientAddress(request(["198.51.100.1,"]), 1)).toBe(UNTRUSTED_FORWARDED_FOR);
    expect(clientAddress(request(["198.51.100.1:5555"]), 1)).toBe(UNTRUSTED_FORWARDED_FOR);
  });

  test("IPv6 entries are counted in one canonical case", () => {
    expect(clientAddress(request(["2001:DB8::1"]), 1)).toBe("2001:db8::1");
  });
});

describe("the per-IP limit behind trusted proxies", () => {
  function setup(overrides: Record<string, string>) {
    const users = [user("alice"), user("bob"), user("carol"), user("dave")];
    const world = new TestWorld(users);
    const config = makeConfig({ max_sends_per_ip_per_hour: "2", ...overrides });
    return { world, config };
  }

  function startAs(
    world: TestWorld,
    config: ReturnType<typeof makeConfig>,
    login: string,
    forwarded: string[],
  ) {
    return new Driver(world, config, CLIENT, SERVLET, world.ports, forwarded).start(login);
  }

  test("forged left-most values do not move the counter: the proxy's entry counts", () => {
    const { world, config } = setup({ trusted_proxy_count: "1" });
    expect(startAs(world, config, "alice", ["1.1.1.1, 203.0.113.7"])["status"]).toBe("proceed");
    expect(startAs(world, config, "bob", ["2.2.2.2, 203.0.113.7"])["status"]).toBe("proceed");
    expect(startAs(world, config, "carol", ["3.3.3.3", "203.0.113.7"])["error"]).toBe("rate_limited");
    expect(world.claims.liveKeys().filter((key) => key.includes(":sends:ip:"))).toHaveLength(2);
    // Another real client behind the same proxy has its own bucket.
    expect(startAs(world, config, "dave", ["203.0.113.8"])["status"]).toBe("proceed");
    expect(world.log.lines[0]!.line).toContain(" ip=203.0.113.7 ");
  });

  test("forged values that cannot be the proxy's all share one bucket", () => {
    const { world, config } = setup({ trusted_proxy_count: "2" });
    expect(startAs(world, config, "alice", ["1.1.1.1"])["status"]).toBe("proceed");
    expect(startAs(world, config, "bob", ["garbage, 10.0.0.1"])["status"]).toBe("proceed");
    expect(startAs(world, config, "carol", ["2.2.2.2"])["error"]).toBe("rate_limited");
    expect(world.log.lines[0]!.line).toContain(` ip=${UNTRUSTED_FORWARDED_FOR} `);
  });

  test("with no trusted proxy, X-Forwarded-For is ignored and the servlet's address counts", () => {
    const { world, config } = setup({});
    expect(startAs(world, config, "alice", ["1.1.1.1"])["status"]).toBe("proceed");
    expect(startAs(world, config, "bob", ["2.2.2.2"])["status"]).toBe("proceed");
    expect(startAs(world, config, "carol", ["3.3.3.3"])["error"]).toBe("rate_limited");
    expect(world.log.lines[0]!.line).toContain(` ip=${SERVLET} `);
  });
});
