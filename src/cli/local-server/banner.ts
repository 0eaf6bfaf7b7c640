// The start-up text of `serve`: everything needed to try a login. The passwords and client secrets of the shipped examples
// are fake and shown; those of files the user gave may be real ones: they never reach the console, and phone numbers are masked.

import type { WorldUser } from "../../world/protocol";
import type { RawProperties } from "../properties-file";
import { CHALLENGE_SCOPE } from "./challenge-endpoint";
import { LOCAL_MODE_MARK, maskPhone } from "./sms-outbox";
import type { LocalClient } from "./world-files";

const PHONE_ATTRIBUTES = ["mobile", "telephoneNumber"];

function valuesOf(user: WorldUser, name: string): string[] {
  const value = user.attributes?.[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** What stands for a password or secret from a file the user gave. */
export const NOT_SHOWN = "(not shown)";

function userLine(user: WorldUser, fromExample: boolean): string {
  const mail = valuesOf(user, "mail");
  const phones = PHONE_ATTRIBUTES.flatMap((name) => valuesOf(user, name)).map((phone) =>
    fromExample ? phone : maskPhone(phone),
  );
  const logins = [user.uid, ...mail].join(" or ");
  let note = `phone ${phones.join(", ")}`;
  if ((user.status ?? "active") !== "active") note = "inactive: gets a decoy login, no SMS";
  else if (phones.length === 0) note = "no phone: gets a decoy login, no SMS";
  const password = user.password === undefined ? "(none)" : fromExample ? user.password : NOT_SHOWN;
  return `  ${logins.padEnd(28)} password ${password.padEnd(22)} ${note}`;
}

export interface BannerFacts {
  endpoint: string;
  challengeEndpoint: string;
  users: WorldUser[];
  clients: LocalClient[];
  properties: RawProperties;
  sources: { users: string; clients: string; config: string };
  examples: { users: boolean; clients: boolean };
  outboxFile: string;
  clockControl: boolean;
}

function clientLine(client: LocalClient, showSecret: boolean): string {
  const secret =
    client.client_secret === null
      ? "public (no secret)"
      : `secret ${showSecret ? client.client_secret : NOT_SHOWN}`;
  return `  client id ${client.client_id}  ${secret}  scopes ${client.scopes.join(" ")}  grants ${client.grant_types.join(" ")}`;
}

/** The secret option of a `login` line: on the command line for an example client, asked for otherwise. */
function secretOption(client: LocalClient, facts: BannerFacts): string {
  if (client.client_secret === null) return "";
  return facts.examples.clients ? ` --client-secret ${client.client_secret}` : " --ask-client-secret";
}

/** How to walk the dialogue with `login`: a confidential client at /token, a challenge client at /authorize-challenge. */
function tryIt(facts: BannerFacts, user: WorldUser): string[] {
  const lines: string[] = [];
  const ropc = facts.clients.find((client) => client.grant_types.includes("password"));
  if (ropc !== undefined && ropc.client_secret !== null) {
    lines.push(
      `  npx gamatech-ropc login --token-url ${facts.endpoint} --client-id ${ropc.client_id} \\`,
      `   ${secretOption(ropc, facts)} --username ${user.uid}`,
    );
  }
  const challenge = facts.clients.find((client) => client.scopes.includes(CHALLENGE_SCOPE));
  if (challenge !== undefined) {
    const secret = secretOption(challenge, facts);
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
    facts.examples.users && facts.examples.clients
      ? "Codes are printed below instead of being sent. Every user, password and secret here is fake."
      : "Codes are printed below instead of being sent. Passwords, secrets and phone numbers from your files are not shown.",
    "",
    `Users, from ${facts.sources.users}:`,
    ...facts.users.map((user) => userLine(user, facts.examples.users)),
    "",
    `Clients, from ${facts.sources.clients}:`,
    ...facts.clients.map((client) => clientLine(client, facts.examples.clients)),
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
