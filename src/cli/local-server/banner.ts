// The start-up text of `serve`: everything needed to try a login, including the fake users' passwords and the client secret,
// which exist only in the example files.

import type { WorldUser } from "../../world/protocol";
import type { RawProperties } from "../properties-file";
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
  users: WorldUser[];
  clients: LocalClient[];
  properties: RawProperties;
  sources: { users: string; clients: string; config: string };
  outboxFile: string;
  clockControl: boolean;
}

export function bannerText(facts: BannerFacts): string {
  const firstClient = facts.clients[0];
  const firstUser = facts.users[0];
  const header = facts.properties.response_header_name?.trim() || "X-ROPC-TWO-FA";
  const lines = [
    `${LOCAL_MODE_MARK} gamatech-ropc local token endpoint: the built script on fake Janssen and Twilio.`,
    "Codes are printed below instead of being sent. Every user, password and secret here is fake.",
    "",
    `Users, from ${facts.sources.users}:`,
    ...facts.users.map(userLine),
    "",
    `Clients, from ${facts.sources.clients}:`,
    ...facts.clients.map(
      (client) =>
        `  client id ${client.client_id}  secret ${client.client_secret}  scopes ${client.scopes.join(" ")}`,
    ),
    "",
    `Custom properties: ${facts.sources.config} (answers in the ${header} header)`,
    `SMS outbox: ${facts.outboxFile}`,
  ];
  if (facts.clockControl) {
    lines.push(
      "Clock control: type `advance SECONDS` here to move the script's clock ahead (e.g. advance 301).",
    );
  }
  if (firstClient !== undefined && firstUser !== undefined) {
    lines.push(
      "",
      "Try it, in another terminal:",
      `  npx gamatech-ropc login --token-url ${facts.endpoint} --client-id ${firstClient.client_id} \\`,
      `    --client-secret ${firstClient.client_secret} --username ${firstUser.uid}`,
    );
  }
  lines.push("", `Token endpoint: ${facts.endpoint}`, "Ctrl-C stops the server.", "");
  return lines.join("\n");
}
