// The one definition of every custom property: the parser reads its defaults and ranges from here, and the build and the CLI
// print it, so the documentation cannot drift from the behaviour.

export type Requirement = "required" | "optional" | "one sender";

export interface ConfigProperty {
  name: string;
  requirement: Requirement;
  /** The value used when the property is absent or empty, as text ("" when there is none). */
  defaultValue: string;
  accepted: string;
  meaning: string;
  /** Secret values never appear in a message, a log line or the printed table. */
  secret: boolean;
  /** Inclusive range for integer properties; null for the others. */
  min: number | null;
  max: number | null;
}

function property(
  name: string,
  requirement: Requirement,
  defaultValue: string,
  accepted: string,
  meaning: string,
  secret: boolean,
): ConfigProperty {
  return {
    name: name,
    requirement: requirement,
    defaultValue: defaultValue,
    accepted: accepted,
    meaning: meaning,
    secret: secret,
    min: null,
    max: null,
  };
}

function integer(
  name: string,
  defaultValue: number,
  min: number,
  max: number,
  meaning: string,
): ConfigProperty {
  return {
    name: name,
    requirement: "optional",
    defaultValue: String(defaultValue),
    accepted: `an integer from ${min} to ${max}`,
    meaning: meaning,
    secret: false,
    min: min,
    max: max,
  };
}

export const DEFAULT_SMS_TEMPLATE = "Your {app} code is {code}. It expires in {minutes} minutes.";

export const CONFIG_PROPERTIES: readonly ConfigProperty[] = Object.freeze([
  property(
    "twilio_account_sid",
    "required",
    "",
    "AC followed by 32 hexadecimal characters",
    "Twilio account that sends the codes",
    false,
  ),
  property(
    "twilio_auth_token",
    "required",
    "",
    "the account's auth token (not needed when twilio_api_key_sid and twilio_api_key_secret are set)",
    "Twilio credential",
    true,
  ),
  property(
    "twilio_api_key_sid",
    "optional",
    "",
    "SK followed by 32 hexadecimal characters, together with twilio_api_key_secret",
    "Twilio API key used instead of the auth token",
    false,
  ),
  property(
    "twilio_api_key_secret",
    "optional",
    "",
    "the API key's secret, together with twilio_api_key_sid",
    "secret of the Twilio API key",
    true,
  ),
  property(
    "twilio_from_number",
    "one sender",
    "",
    "an E.164 number: + then 1 to 15 digits, the first 1-9",
    "sender: send the code by SMS from this Twilio number",
    false,
  ),
  property(
    "twilio_messaging_service_sid",
    "one sender",
    "",
    "MG followed by 32 hexadecimal characters",
    "sender: send the code by SMS through this Messaging Service",
    false,
  ),
  property(
    "twilio_verify_service_sid",
    "one sender",
    "",
    "VA followed by 32 hexadecimal characters",
    "sender: Twilio Verify makes, sends and checks the code (sms_template is not used)",
    false,
  ),
  property(
    "twilio_verify_channel",
    "optional",
    "sms",
    "sms, call or whatsapp",
    "channel of Twilio Verify (only with twilio_verify_service_sid)",
    false,
  ),
  integer(
    "twilio_timeout_seconds",
    10,
    1,
    60,
    "how long a call to Twilio may take before it counts as failed",
  ),
  integer(
    "otp_length",
    6,
    6,
    10,
    "digits of a code (with Twilio Verify: must equal the Verify service's code length)",
  ),
  integer("otp_ttl_seconds", 300, 60, 600, "how long a code is valid; at most session_ttl_seconds"),
  integer("session_ttl_seconds", 600, 60, 600, "how long the whole login (start to password) may take"),
  integer("max_otp_attempts", 5, 1, 10, "wrong codes per login session before the session is destroyed"),
  integer(
    "max_password_attempts",
    3,
    1,
    10,
    "wrong passwords per login session before the session is destroyed",
  ),
  integer("resend_cooldown_seconds", 60, 0, 300, "wait between two sends in one login session"),
  integer("max_sends_per_session", 3, 1, 10, "codes sent in one login session (the first send included)"),
  integer("max_sends_per_user_per_hour", 5, 1, 100, "codes sent per login value in any rolling hour"),
  integer(
    "max_sends_per_ip_per_hour",
    20,
    0,
    100000,
    "codes sent per client address (see trusted_proxy_count) in any rolling hour; 0 turns this limit off (e.g. behind a proxy that hides client addresses)",
  ),
  integer(
    "max_failures_per_user_per_hour",
    10,
    1,
    100,
    "wrong codes and passwords per login value in any rolling hour; then the login value is refused until the oldest failure is an hour old",
  ),
  integer(
    "max_password_failures_per_ip_per_hour",
    100,
    0,
    100000,
    "wrong passwords per client address (see trusted_proxy_count) in any rolling hour at a password_first start, whatever the login value; then that address's password_first starts are refused until the oldest failure is an hour old; 0 turns this limit off",
  ),
  integer(
    "trusted_proxy_count",
    0,
    0,
    10,
    "reverse proxies in front of Janssen that append to X-Forwarded-For: 0 counts the servlet's address per IP; N counts the N-th X-Forwarded-For entry from the right",
  ),
  property(
    "login_attributes",
    "optional",
    "uid,mail",
    "comma-separated attribute names (letters, digits, -), at most 10",
    "user attributes the username is looked up in, in order",
    false,
  ),
  property(
    "phone_attributes",
    "optional",
    "mobile,telephoneNumber",
    "comma-separated attribute names (letters, digits, -), at most 10",
    "user attributes holding phone numbers; the first valid E.164 value of an allowed country is used",
    false,
  ),
  property(
    "sms_template",
    "optional",
    DEFAULT_SMS_TEMPLATE,
    "text of 1 to 640 characters containing {code}; {minutes} and {app} are optional; no other {...}",
    "SMS text (not used with Twilio Verify)",
    false,
  ),
  property(
    "app_name",
    "optional",
    "login",
    "text of 1 to 60 characters without { or }",
    "replaces {app} in sms_template",
    false,
  ),
  property(
    "login_order",
    "optional",
    "code_first",
    "code_first or password_first",
    "code_first: username, then the code, then the password; password_first: username and password (no SMS for a wrong " +
      "password), then the code",
    false,
  ),
  property(
    "enumeration_protection",
    "optional",
    "true",
    "true or false",
    "unknown, inactive and phone-less users get a decoy login that looks real (false: errors 10002 and 10003)",
    false,
  ),
  property(
    "phone_hint",
    "optional",
    "none",
    "none, masked or full",
    "what the start answer says about the phone: nothing, eight asterisks and the last 2 digits, or the whole number",
    false,
  ),
  property(
    "allowed_country_codes",
    "optional",
    "",
    "comma-separated country calling codes (1 to 3 digits, the first 1-9, optional +); empty allows all",
    "countries codes may be sent to",
    false,
  ),
  property(
    "response_header_name",
    "optional",
    "X-ROPC-TWO-FA",
    "1 to 64 letters, digits or -, starting with a letter",
    "name of the response header that carries each step's answer (the ROPC script's; the challenge script answers in JSON bodies)",
    false,
  ),
  property(
    "otp_hash_key",
    "optional",
    "derived from the Twilio secret",
    "at least 32 characters; the same on every node",
    "key of the HMAC that protects stored codes and counter keys",
    true,
  ),
]);
