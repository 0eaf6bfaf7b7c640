// The start-up text of `serve`: everything needed to try a login, including the fake users' passwords and the client secret,
// which exist only in the example files.

import type { WorldUser } from "../../world/protocol";
import type { RawProperties } from "../properties-file";
import { CHALLENGE_SCOPE } from "./challenge-endpoint";
import { LOCAL_MODE_MARK } from "./sms-outbox";
import type { LocalClient } from "./world-files";

const PHONE_ATTRIBUTES = ["mobile", "telephoneNumber"];

function valuesOf(user: WorldUser, name: string): string[] {
  const value = user.attributes?.[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function userLine(user: WorldUser): string {
  const mail = valuesOf(user, "mail");
  const phones = PHONE_ATTRIBUTES.flatMap((name) => valuesOf(user, name));
  const logins = [user.uid, ...mail].join(" or ");
  let note = `phone ${phones.join(", ")}`;
  if ((user.status ?? "active") !== "active") note = "inactive: gets a decoy login, no SMS";
  else if (phones.length === 0) note = "no phone: gets a decoy login, no SMS";
  return `  ${logins.padEnd(28)} password ${(user.password ?? "(none)").padEnd(22)} ${note}`;
}

export interface BannerFacts {
  endpoint: string;
  challengeEndpoint: string;
  users: WorldUser[];
  clients: LocalClient[];
  properties: RawProperties;
  sources: { users: string; clients: string; config: string };
  outboxFile: string;
  clockControl: boolean;
}

function clientLine(client: LocalClient): string {
  const secret = client.client_secret === null ? "public (no secret)" : `secret ${client.client_secret}`;
  return `  client id ${client.client_id}  ${secret}  scopes ${client.scopes.join(" ")}  grants ${client.grant_types.join(" ")}`;
}

/** How to walk the dialogue with `login`: a confidential client at /token, a challenge client at /authorize-challenge. */
function tryIt(facts: BannerFacts, user: WorldUser): string[] {
  const lines: string[] = [];
  const ropc = facts.clients.find((client) => client.grant_types.includes("password"));
  if (ropc !== undefined && ropc.client_secret !== null) {
    lines.push(
      `  npx gamatech-ropc login --token-url ${facts.endpoint} --client-id ${ropc.client_id} \\`,
      `    --client-secret ${ropc.client_secret} --username ${user.uid}`,
    );
  }
  const challenge = facts.clients.find((client) => client.scopes.includes(CHALLENGE_SCOPE));
  if (challenge !== undefined) {
    const secret = challenge.client_secret === null ? "" : ` --client-secret ${challenge.client_secret}`;
    lines.push(
      `  npx gamatech-ropc login --challenge --token-url ${facts.endpoint} --client-id ${challenge.client_id}${secret} \\`,
      `    --username ${user.uid}`,
    );
  }
  return lines;
}

export function bannerText(facts: BannerFacts): string {
  const firstUser = facts.users[0];
  const header = facts.properties.response_header_name?.trim() || "X-ROPC-TWO-FA";
  const lines = [
    `${LOCAL_MODE_MARK} gamatech-ropc local endpoints: the built scripts on fake Janssen and Twilio.`,
    "Codes are printed below instead of being sent. Every user, password and secret here is fake.",
    "",
    `Users, from ${facts.sources.users}:`,
    ...facts.users.map(userLine),
    "",
    `Clients, from ${facts.sources.clients}:`,
    ...facts.clients.map(clientLine),
    "",
    `Custom properties: ${facts.sources.config} (answers in the ${header} header)`,
    `SMS outbox: ${facts.outboxFile}`,
  ];
  if (facts.clockControl) {
    lines.push(
      "Clock control: type `advance SECONDS` here to move the script's clock ahead (e.g. advance 301).",
    );
  }
  const tries = firstUser === undefined ? [] : tryIt(facts, firstUser);
  if (tries.length > 0) lines.push("", "Try it, in another terminal:", ...tries);
  // The token endpoint's line comes last: tools wait for it to know the server is ready.
  lines.push(
    "",
    `Authorization Challenge endpoint: ${facts.challengeEndpoint}`,
    `Token endpoint: ${facts.endpoint}`,
    "Ctrl-C stops the server.",
    "",
  );
  return lines.join("\n");
}
