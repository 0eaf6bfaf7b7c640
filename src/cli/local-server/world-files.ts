// The fake users, clients and custom properties of local mode: from the files given, or the examples shipped in examples/local.

import * as path from "path";
import type { WorldUser } from "../../world/protocol";
import { PROJECT_ROOT } from "../project-files";
import { InputFileError, notValidJson, readInputText, readPropertiesFile } from "../properties-file";
import type { RawProperties } from "../properties-file";

export const EXAMPLES_DIR = path.join(PROJECT_ROOT, "examples", "local");

export const GRANT_TYPES = ["password", "authorization_code"] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export interface LocalClient {
  client_id: string;
  /** null: a public client (token_endpoint_auth_method none), which authenticates with its client_id alone. */
  client_secret: string | null;
  /** Scopes granted when the request names none, and the only ones it may name. */
  scopes: string[];
  /** Default: both for a confidential client, authorization_code only for a public one. */
  grant_types: GrantType[];
}

export interface WorldFiles {
  users: WorldUser[];
  clients: LocalClient[];
  properties: RawProperties;
  /** Where each part came from, for the start-up banner. */
  sources: { users: string; clients: string; config: string };
  /** Whether the users and the clients are the shipped examples, whose passwords and secrets are fake and may be shown. */
  examples: { users: boolean; clients: boolean };
}

/**
 * A file of the world is the user's input like a file of custom properties: problems with it are problems found (exit 1),
 * and a syntax error says where, never the text (a users file holds passwords, a clients file secrets).
 */
function readJsonArray(file: string, what: string, cwd: string): unknown[] {
  const text = readInputText(file, cwd);
  const where = `${what} file ${file}`;
  if (text.trim() === "") throw new InputFileError(`${where}: the file is empty`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputFileError(`${where}: ${notValidJson(text)}`);
  }
  if (!Array.isArray(parsed)) throw new InputFileError(`${where}: expected a JSON array`);
  return parsed;
}

function isStringRecord(value: unknown): value is Record<string, string | string[]> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (item) => typeof item === "string" || (Array.isArray(item) && item.every((v) => typeof v === "string")),
  );
}

function toUser(entry: unknown, index: number, file: string): WorldUser {
  const user = entry as Partial<WorldUser>;
  const where = `users file ${file}, entry ${index + 1}`;
  if (typeof user !== "object" || user === null || typeof user.uid !== "string" || user.uid === "") {
    throw new InputFileError(`${where}: needs a "uid" (text)`);
  }
  if (user.password !== undefined && typeof user.password !== "string") {
    throw new InputFileError(`${where}: "password" must be text`);
  }
  if (user.status !== undefined && user.status !== null && typeof user.status !== "string") {
    throw new InputFileError(`${where}: "status" must be text (active or inactive) or null`);
  }
  if (user.attributes !== undefined && !isStringRecord(user.attributes)) {
    throw new InputFileError(`${where}: "attributes" must map names to text or lists of text`);
  }
  return { uid: user.uid, password: user.password, status: user.status, attributes: user.attributes };
}

function toClient(entry: unknown, index: number, file: string): LocalClient {
  const client = entry as Partial<LocalClient>;
  const where = `clients file ${file}, entry ${index + 1}`;
  if (typeof client !== "object" || client === null || typeof client.client_id !== "string") {
    throw new InputFileError(`${where}: needs a "client_id" (text)`);
  }
  const secret = client.client_secret ?? null;
  if (secret !== null && (typeof secret !== "string" || secret === "")) {
    throw new InputFileError(`${where}: "client_secret" must be text, or left out for a public client`);
  }
  const scopes = client.scopes ?? ["openid"];
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === "string")) {
    throw new InputFileError(`${where}: "scopes" must be a list of text`);
  }
  const grants = client.grant_types ?? (secret === null ? ["authorization_code"] : [...GRANT_TYPES]);
  if (
    !Array.isArray(grants) ||
    !grants.every((grant) => (GRANT_TYPES as readonly string[]).includes(grant))
  ) {
    throw new InputFileError(`${where}: "grant_types" must be a list of ${GRANT_TYPES.join(", ")}`);
  }
  if (secret === null && grants.includes("password")) {
    throw new InputFileError(`${where}: a public client (no "client_secret") cannot have the password grant`);
  }
  return { client_id: client.client_id, client_secret: secret, scopes, grant_types: grants };
}

/** Reads the three files (relative to cwd); each one not given falls back to its example. */
export function readWorldFiles(
  given: { users?: string; clients?: string; config?: string },
  cwd: string,
): WorldFiles {
  const users = given.users ?? path.join(EXAMPLES_DIR, "users.json");
  const clients = given.clients ?? path.join(EXAMPLES_DIR, "clients.json");
  const config = given.config ?? path.join(EXAMPLES_DIR, "config.json");
  const source = (file: string, chosen: string | undefined) =>
    chosen ?? `the example ${path.relative(PROJECT_ROOT, file)}`;
  return {
    users: readJsonArray(users, "users", cwd).map((entry, i) => toUser(entry, i, users)),
    clients: readJsonArray(clients, "clients", cwd).map((entry, i) => toClient(entry, i, clients)),
    properties: readPropertiesFile(config, cwd),
    sources: {
      users: source(users, given.users),
      clients: source(clients, given.clients),
      config: source(config, given.config),
    },
    examples: { users: given.users === undefined, clients: given.clients === undefined },
  };
}
