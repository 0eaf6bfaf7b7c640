// Where the Authorization Challenge script reads its custom properties differently from the table (config-table.ts), whose
// defaults and meanings are the ROPC script's.

/**
 * Its own defaults. Its endpoint has no client authentication, so with the code first anyone who knows a username could
 * have codes sent: the password comes first unless the administrator says otherwise. The ROPC script keeps code_first,
 * which its apps already speak.
 */
export const CHALLENGE_DEFAULTS: Readonly<Record<string, string>> = Object.freeze({
  login_order: "password_first",
});

/** The properties it does not read, each with the reason (unused-properties.ts warns when one is given). */
export const CHALLENGE_UNUSED: Readonly<Record<string, string>> = Object.freeze({
  response_header_name: "its answers are JSON bodies, not a response header",
});
