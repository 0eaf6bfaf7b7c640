// What `serve` prints at start: everything needed to try a login with the shipped examples, whose users, passwords and
// secrets are fake; from files the user gave, which may hold real ones, no password, no secret and no full phone number.

import { bannerText } from "../../src/cli/local-server/banner";
import type { BannerFacts } from "../../src/cli/local-server/banner";

const PHONE = "+4915112345678";

function facts(examples: BannerFacts["examples"]): BannerFacts {
  return {
    endpoint: "http://127.0.0.1:8080/jans-auth/restv1/token",
    challengeEndpoint: "http://127.0.0.1:8080/jans-auth/restv1/authorize-challenge",
    users: [
      {
        uid: "erin",
        password: "erin-real-password",
        attributes: { mail: "erin@example.org", mobile: PHONE },
      },
    ],
    clients: [
      { client_id: "web", client_secret: "web-real-secret", scopes: ["openid"], grant_types: ["password"] },
      {
        client_id: "backend",
        client_secret: "backend-real-secret",
        scopes: ["openid", "authorization_challenge"],
        grant_types: ["authorization_code"],
      },
    ],
    properties: {},
    sources: {
      users: "users.json",
      clients: "clients.json",
      config: "the example examples/local/config.json",
    },
    examples,
    outboxFile: "/tmp/outbox.jsonl",
    clockControl: false,
  };
}

test("from files the user gave: no password, no client secret, no full phone number; login asks for the secret", () => {
  const text = bannerText(facts({ users: false, clients: false }));
  for (const secret of ["erin-real-password", "web-real-secret", "backend-real-secret", PHONE])
    expect(text).not.toContain(secret);
  expect(text).toContain("password (not shown)");
  expect(text).toContain("client id web  secret (not shown)");
  expect(text).toContain("phone +49...78");
  expect(text).toContain("--ask-client-secret --username erin");
  expect(text).not.toContain("--client-secret");
  expect(text).toContain("Passwords, secrets and phone numbers from your files are not shown.");
});

test("the shipped examples are fake: their passwords, secrets and numbers are shown, ready to paste", () => {
  const text = bannerText(facts({ users: true, clients: true }));
  expect(text).toContain("password erin-real-password");
  expect(text).toContain(`phone ${PHONE}`);
  expect(text).toContain("client id web  secret web-real-secret");
  expect(text).toContain("--client-secret web-real-secret --username erin");
  expect(text).toContain("--client-secret backend-real-secret \\");
  expect(text).toContain("Every user, password and secret here is fake.");
});

test("each file is judged on its own: example users beside a given clients file", () => {
  const text = bannerText(facts({ users: true, clients: false }));
  expect(text).toContain("password erin-real-password");
  expect(text).not.toContain("web-real-secret");
  expect(text).not.toContain("Every user, password and secret here is fake.");
});
