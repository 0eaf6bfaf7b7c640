// What both local endpoints share: the JSON answer and how it is sent (never cached, CORS for local browser apps), the
// bounded form body, and the script's call for a request.

import type { IncomingMessage, ServerResponse } from "http";
import type { ScriptCall } from "./script-runner";

const MAX_BODY_BYTES = 64 * 1024;

export interface Answer {
  status: number;
  /** An object to serialise, or JSON text the script stored (sent as it is). */
  body: Record<string, unknown> | string;
  headers?: Record<string, string>;
}

export function oauthError(
  status: number,
  error: string,
  description: string,
  headers?: Record<string, string>,
): Answer {
  return { status, body: { error, error_description: description }, headers };
}

/**
 * Browser apps on any local origin may call, and may read the script's header: on a real server that needs jans-auth's
 * CORS filter to list it in corsExposedHeaders (see the README).
 */
export function corsHeaders(request: IncomingMessage, exposedHeader: string): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": exposedHeader,
    Vary: "Origin",
  };
}

export function send(
  request: IncomingMessage,
  response: ServerResponse,
  answer: Answer,
  exposedHeader: string,
): void {
  response.writeHead(answer.status, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    Pragma: "no-cache",
    ...answer.headers,
    ...corsHeaders(request, exposedHeader),
  });
  response.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body));
}

/** The form of a POST, or an answer refusing it: too large (413) or not form-encoded (400). */
export async function readForm(request: IncomingMessage): Promise<URLSearchParams | Answer> {
  const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  const body = await readBody(request);
  if (body === null) return oauthError(413, "invalid_request", "The request body is too large.");
  if (contentType !== "application/x-www-form-urlencoded") {
    return oauthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
  }
  return new URLSearchParams(body);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * The script's call for a request, as the servlet request shows it: every parameter (a repeated one keeps all its
 * values), the headers with one value each, and the client the endpoint settled on.
 */
export function scriptCall(request: IncomingMessage, form: URLSearchParams, clientId: string): ScriptCall {
  const parameters: Record<string, string | string[]> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name);
    parameters[name] = values.length === 1 ? (values[0] as string) : values;
  }
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
  return { parameters, clientId, ip: request.socket.remoteAddress ?? "127.0.0.1", headers };
}
