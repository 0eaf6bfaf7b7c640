// Client authentication of the local token endpoint: client_secret_basic and client_secret_post, as Janssen accepts them, and
// a public client's client_id alone (token_endpoint_auth_method none).

import { createHash, timingSafeEqual } from "crypto";
import type { LocalClient } from "./world-files";

export type ClientAuthResult =
  | { kind: "authenticated"; client: LocalClient }
  /** A public client named by its client_id, no secret sent: who it is is not proven, so PKCE has to bind its code. */
  | { kind: "public"; client: LocalClient }
  /** The credentials are missing or wrong: 401 invalid_client. `basic` asks for a WWW-Authenticate challenge. */
  | { kind: "refused"; basic: boolean }
  /** More than one method in one request, which RFC 6749 (2.3) forbids: 400 invalid_request. */
  | { kind: "ambiguous" };

/** RFC 6749 (2.3.1) form-encodes id and secret before Base64; a value that does not decode is taken as it is. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (match === null) return null;
  const decoded = Buffer.from(match[1] as string, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return null;
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

/** Hashing first gives equal lengths, so the comparison takes the same time whatever the guess. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function authenticateClient(
  authorization: string | undefined,
  form: URLSearchParams,
  clients: readonly LocalClient[],
): ClientAuthResult {
  const hasBasic = authorization !== undefined && /^Basic\s/i.test(authorization);
  const postedSecret = form.getAll("client_secret");
  if (hasBasic && postedSecret.length > 0) return { kind: "ambiguous" };
  if (!hasBasic && postedSecret.length === 0 && form.getAll("client_id").length === 1) {
    const named = clients.find((candidate) => candidate.client_id === form.get("client_id"));
    if (named !== undefined && named.client_secret === null) return { kind: "public", client: named };
    return { kind: "refused", basic: false };
  }
  const credentials = hasBasic
    ? basicCredentials(authorization)
    : form.getAll("client_id").length === 1 && postedSecret.length === 1
      ? { id: form.get("client_id") as string, secret: postedSecret[0] as string }
      : null;
  const client = clients.find((candidate) => candidate.client_id === credentials?.id);
  if (
    credentials === null ||
    client === undefined ||
    client.client_secret === null ||
    !sameSecret(credentials.secret, client.client_secret)
  ) {
    return { kind: "refused", basic: hasBasic };
  }
  return { kind: "authenticated", client };
}
