// The fake users, clients and custom properties of local mode: from the files given, or the examples shipped in examples/local.

import * as path from "path";
import type { WorldUser } from "../../world/protocol";
import { PROJECT_ROOT } from "../project-files";
import { InputFileError, notValidJson, readInputText, readPropertiesFile } from "../properties-file";
import type { RawProperties } from "../properties-file";

export const EXAMPLES_DIR = path.join(PROJECT_ROOT, "examples", "local");

export interface LocalClient {
  client_id: string;
  client_secret: string;
  /** Scopes granted when the request names none, and the only ones it may name. */
  scopes: string[];
}

export interface WorldFiles {
  users: WorldUser[];
  clients: LocalClient[];
  properties: RawProperties;
  /** Where each part came from, for the start-up banner. */
  sources: { users: string; clients: string; config: string };
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
  if (typeof client.client_secret !== "string" || client.client_secret === "") {
    throw new InputFileError(`${where}: needs a "client_secret" (text)`);
  }
  const scopes = client.scopes ?? ["openid"];
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === "string")) {
    throw new InputFileError(`${where}: "scopes" must be a list of text`);
  }
  return { client_id: client.client_id, client_secret: client.client_secret, scopes };
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
  };
}
