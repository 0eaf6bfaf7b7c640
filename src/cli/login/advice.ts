// What each answer means for the person at the prompt, following "What to show the user" in docs/protocol.md.

/** What the client does next after an error: prompt again in the same session, offer a new login, or give up. */
export type ErrorAction = "retry" | "restart" | "stop";

interface ErrorAdvice {
  advice: string;
  action: ErrorAction;
}

const ERRORS: Record<string, ErrorAdvice> = {
  server_error: { advice: "Something went wrong on the server. Try again in a moment.", action: "stop" },
  user_not_found: { advice: "No such account. Check the username.", action: "stop" },
  phone_not_found: {
    advice: "This account has no phone number for login codes. Contact support.",
    action: "stop",
  },
  otp_not_sent: { advice: "The code could not be sent. Try again.", action: "restart" },
  invalid_otp: { advice: "That code is not right.", action: "retry" },
  session_expired: { advice: "The login took too long or is over.", action: "restart" },
  invalid_session: {
    advice: "The login session does not match this client, username or step (a client bug).",
    action: "restart",
  },
  invalid_credentials: { advice: "Wrong password.", action: "retry" },
  too_many_attempts: { advice: "Too many wrong attempts: this login is over.", action: "restart" },
  rate_limited: { advice: "Too many requests.", action: "retry" },
  invalid_request: { advice: "The server found the request malformed (a client bug).", action: "stop" },
  otp_expired: { advice: "This code has expired. Type r for a new one.", action: "retry" },
  invalid_client: {
    advice: "The script refused the client's authentication (check the client secret).",
    action: "stop",
  },
};

export function errorAdvice(fields: Record<string, string>): ErrorAdvice {
  const known = ERRORS[fields.error ?? ""];
  const base = known ?? { advice: `Unknown error ${fields.error_code ?? "?"}.`, action: "stop" as const };
  const extras: string[] = [];
  if (fields.attempts_left !== undefined) extras.push(`${fields.attempts_left} attempt(s) left.`);
  if (fields.retry_after !== undefined) extras.push(`Wait ${fields.retry_after} s before trying again.`);
  return { advice: [base.advice, ...extras].join(" "), action: base.action };
}

/** A 401 without the header never reached the script; the body says what Janssen thought of the request. */
export function noHeaderAdvice(httpStatus: number, headerName: string): string {
  if (httpStatus === 401) {
    return (
      `HTTP 401 without the ${headerName} header: the request never reached the script. Check the client id and ` +
      "secret, that the client has the password grant and the script under Client Scripts, that the script is enabled " +
      "(its log says why not), and --header if the server renamed it."
    );
  }
  if (httpStatus === 400) return "HTTP 400: the token endpoint refused the request itself (see the body).";
  return `Unexpected HTTP ${httpStatus} from the token endpoint.`;
}

/** An answer of /authorize-challenge without an error_code came from the endpoint, before the script (or from /token). */
export function challengeEndpointAdvice(httpStatus: number): string {
  if (httpStatus === 401) {
    return (
      "HTTP 401 from the endpoint itself: check the client id, that the client has the authorization_challenge scope, " +
      "the authorization_code grant and the script as its acr (or authorizationChallengeDefaultAcr)."
    );
  }
  if (httpStatus === 400) return "HTTP 400: the endpoint refused the request itself (see the body).";
  return `Unexpected HTTP ${httpStatus}.`;
}
