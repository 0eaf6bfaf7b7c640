// Store round trips per step, counted on the flow's in-memory stores (every claim, get, release, create, update, remove is
// one round trip on Redis, the common clustered cache):
//   node -r ./scripts/register-ts.js bench/store-ops.ts [USER_CAP IP_CAP LOGINS USERS]
// LOGINS full logins (start, code, password) within one hour from one address, spread round robin over USERS users, so
// the n-th login is its user's ceil(n / USERS)-th send and the address's n-th. Prints the operations of each step of each
// login; run it in two checkouts to compare.
import { Driver, makeConfig, user } from "../test/flow/doubles/scenario";
import { TestWorld } from "../test/flow/doubles/ports";

function main(argv: string[]): void {
  const [userCap, ipCap, logins, users] = argv.length === 0 ? [5, 20, 5, 1] : argv.map(Number);
  if (![userCap, ipCap, logins, users].every((n) => Number.isInteger(n) && (n as number) > 0)) {
    throw new Error("usage: bench/store-ops.ts [USER_CAP IP_CAP LOGINS USERS]");
  }
  const names = Array.from({ length: users as number }, (_, i) => `user${i}`);
  const world = new TestWorld(names.map((name) => user(name)));
  const config = makeConfig({
    max_sends_per_user_per_hour: String(userCap),
    max_sends_per_ip_per_hour: String(ipCap),
    resend_cooldown_seconds: "0",
  });
  const app = new Driver(world, config);
  const counted = () => world.claims.log.length + world.sessions.log.length;
  process.stdout.write(
    `caps: user ${userCap}, address ${ipCap}; ${users} user(s)\nlogin  start  code  password\n`,
  );
  for (let n = 1; n <= (logins as number); n++) {
    const name = names[(n - 1) % names.length]!;
    const before = counted();
    const sessionId = app.start(name)["session_id"]!;
    const afterStart = counted();
    const code = app.code(name, sessionId, world.otp.lastCode(config.otpLength));
    const afterCode = counted();
    const granted = app.password(name, sessionId, `pw-of-${name}`).grantedUserId;
    if (code["step"] !== "3" || granted !== name) throw new Error(`login ${n} did not go through`);
    const row = [afterStart - before, afterCode - afterStart, counted() - afterCode];
    process.stdout.write(`${String(n).padStart(5)}  ${row.map((v) => String(v).padStart(5)).join(" ")}\n`);
    world.clock.advanceSeconds(1);
  }
}

main(process.argv.slice(2));
