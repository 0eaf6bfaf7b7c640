// One step of the Authorization Challenge dialogue as an HTTP request, its JSON answer read into the same fields as the
// ROPC header (so the reporter and the advice serve both), and the code's exchange at /token with the PKCE verifier.

import { createHash, randomBytes } from "crypto";
import type { ClientSettings, StepAnswer } from "./token-client";
import { clientCredentials, postForm } from "./token-client";

/** What the app must send next, as the ROPC wire numbers the steps (the reporter's vocabulary). */
const NEXT_STEP: Record<string, string> = { otp: "2", password: "3" };

export interface ChallengeSettings extends Omit<ClientSettings, "headerName"> {
  challengeUrl: string;
  /** The script's name, sent on every request: without it Janssen runs authorizationChallengeDefaultAcr's script. */
  acrValues?: string;
}

/** RFC 7636: a fresh 256-bit verifier per login, and its S256 challenge. */
export function newPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/**
 * The script's answers carry an error_code, or are insufficient_authorization / abandoned; anything else (the endpoint's
 * own refusals: client, scope, PKCE) never reached the script, which the reporter says, as for a missing ROPC header.
 */
export function challengeFields(body: unknown): Record<string, string> | null {
  if (typeof body !== "object" || body === null) return null;
  const answer = body as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const copy = (from: string, to = from) => {
    const value = text(answer[from]);
    if (value !== undefined) fields[to] = value;
  };
  if (answer.error === "insufficient_authorization") {
    fields.status = "proceed";
    copy("auth_session", "session_id");
    const step = NEXT_STEP[text(answer.next) ?? ""];
    if (step !== undefined) fields.step = step;
    ["expires_in", "resend_after", "code_length", "phone_number"].forEach((name) => copy(name));
    return fields;
  }
  if (answer.error === "abandoned") return { status: "abandoned" };
  if (answer.error_code === undefined && answer.error !== "invalid_client") return null;
  fields.status = "error";
  ["error", "error_code", "attempts_left", "retry_after"].forEach((name) => copy(name));
  copy("auth_session", "session_id");
  return fields;
}

export class ChallengeClient {
  private readonly pkce = newPkce();

  constructor(private readonly settings: ChallengeSettings) {}

  /** One request of the dialogue; the PKCE challenge goes with each, as the request that completes takes it. */
  async post(parameters: Record<string, string>): Promise<StepAnswer> {
    const { settings } = this;
    const form = new URLSearchParams(parameters);
    form.set("client_id", settings.clientId);
    if (settings.acrValues !== undefined) form.set("acr_values", settings.acrValues);
    if (settings.scope !== undefined) form.set("scope", settings.scope);
    form.set("code_challenge", this.pkce.challenge);
    form.set("code_challenge_method", "S256");
    const headers = clientCredentials(settings, form, true);
    const { status, body } = await postForm(settings.challengeUrl, headers, form);
    return { httpStatus: status, fields: status === 200 ? null : challengeFields(body), body };
  }

  /** The code of the last answer for tokens: grant_type=authorization_code with the verifier. */
  async exchange(code: string): Promise<StepAnswer> {
    const { settings } = this;
    const form = new URLSearchParams({
      grant_type: "authorization_code",
      code,
      code_verifier: this.pkce.verifier,
    });
    const headers = clientCredentials(settings, form, false);
    const { status, body } = await postForm(settings.tokenUrl, headers, form);
    return { httpStatus: status, fields: null, body };
  }
}
