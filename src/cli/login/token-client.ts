// One protocol step as an HTTP request to a token endpoint (local or a real Janssen), and its answer with the header parsed.

export type ClientAuthMethod = "basic" | "post";

export interface ClientSettings {
  tokenUrl: string;
  clientId: string;
  /** Absent for a public client: only client_id is sent. */
  clientSecret?: string;
  clientAuth: ClientAuthMethod;
  headerName: string;
  scope?: string;
}

export interface StepAnswer {
  httpStatus: number;
  /** The script's header as key/value pairs; null when the answer carries none (the script was never reached). */
  fields: Record<string, string> | null;
  /** The JSON body (the token response on success, Janssen's error otherwise), or the text when it is not JSON. */
  body: unknown;
}

/** `key=value` pairs joined by `;`; a part splits on its first `=` (docs/protocol.md, Answers). */
export function parseStepHeader(value: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of value.split(";")) {
    const equals = part.indexOf("=");
    if (equals > 0) fields[part.slice(0, equals).trim()] = part.slice(equals + 1).trim();
  }
  return fields;
}

/** RFC 6749 (2.3.1): id and secret are form-encoded before they are joined and Base64-encoded. */
function basicAuthorization(id: string, secret: string): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, "+");
  return "Basic " + Buffer.from(`${encode(id)}:${encode(secret)}`).toString("base64");
}

/**
 * The request headers, with the client's credentials as configured: Basic, or client_id (and client_secret) in the form.
 * `idInForm` keeps client_id in the form with Basic too: /authorize-challenge finds the client by that parameter.
 */
export function clientCredentials(
  settings: Pick<ClientSettings, "clientId" | "clientSecret" | "clientAuth">,
  form: URLSearchParams,
  idInForm: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
    Accept: "application/json",
  };
  if (settings.clientSecret !== undefined && settings.clientAuth === "basic") {
    headers.Authorization = basicAuthorization(settings.clientId, settings.clientSecret);
    if (idInForm) form.set("client_id", settings.clientId);
  } else {
    form.set("client_id", settings.clientId);
    if (settings.clientSecret !== undefined) form.set("client_secret", settings.clientSecret);
  }
  return headers;
}

/** POSTs a form; the body parsed as JSON, or the text when it is not JSON (a proxy's error page, say). */
export async function postForm(
  url: string,
  headers: Record<string, string>,
  form: URLSearchParams,
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(url, { method: "POST", headers, body: form.toString() });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // kept as text for the report
  }
  return { status: response.status, headers: response.headers, body };
}

export class TokenClient {
  constructor(private readonly settings: ClientSettings) {}

  async post(parameters: Record<string, string>): Promise<StepAnswer> {
    const { settings } = this;
    const form = new URLSearchParams({ grant_type: "password", ...parameters });
    if (settings.scope !== undefined) form.set("scope", settings.scope);
    const headers = clientCredentials(settings, form, false);
    const response = await postForm(settings.tokenUrl, headers, form);
    const header = response.headers.get(settings.headerName);
    return {
      httpStatus: response.status,
      fields: header === null ? null : parseStepHeader(header),
      body: response.body,
    };
  }
}
