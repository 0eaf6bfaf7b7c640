// The state of one login between its requests, stored as JSON text in the shared session store (S11).

export const STATE_VERSION = 1;

/**
 * The steps a session waits for. With login_order=password_first the session starts after the password passed and its code
 * grants: a step of its own, so a code-first session never grants on its code alone, even when the order changes while it
 * lives (and a node that predates the order refuses it as unreadable). The wire says step=2 for both code steps.
 */
export const STEP_CODE = 2;
export const STEP_PASSWORD = 3;
export const STEP_FINAL_CODE = 4;

export interface SessionState {
  version: number;
  clientId: string;
  /** The normalised login value the session was started with. */
  login: string;
  /** null for a decoy session (unknown, inactive or phone-less user): it can never pass the code step. */
  userId: string | null;
  /** The step the session waits for: STEP_CODE, STEP_PASSWORD or STEP_FINAL_CODE. */
  step: number;
  /** HMAC of the current code; "" once spent, for decoys and with Twilio Verify. */
  codeHash: string;
  /** The number Twilio Verify checks the code against; "" otherwise. */
  verifyTo: string;
  /** For log lines only. */
  maskedPhone: string;
  createdAt: number;
  expiresAt: number;
  codeIssuedAt: number;
  sends: number;
  lastSendAt: number;
  otpFailures: number;
  passwordFailures: number;
}

/**
 * The stored text: the fields in their one fixed order, values as JSON.stringify writes them, no spaces. Sessions outlive
 * a deployment, so this must stay byte for byte what every earlier version wrote (test/flow/session-codec.test.ts).
 */
export function serializeState(state: SessionState): string {
  return (
    '{"version":' +
    JSON.stringify(state.version) +
    ',"clientId":' +
    JSON.stringify(state.clientId) +
    ',"login":' +
    JSON.stringify(state.login) +
    ',"userId":' +
    JSON.stringify(state.userId) +
    ',"step":' +
    JSON.stringify(state.step) +
    ',"codeHash":' +
    JSON.stringify(state.codeHash) +
    ',"verifyTo":' +
    JSON.stringify(state.verifyTo) +
    ',"maskedPhone":' +
    JSON.stringify(state.maskedPhone) +
    ',"createdAt":' +
    JSON.stringify(state.createdAt) +
    ',"expiresAt":' +
    JSON.stringify(state.expiresAt) +
    ',"codeIssuedAt":' +
    JSON.stringify(state.codeIssuedAt) +
    ',"sends":' +
    JSON.stringify(state.sends) +
    ',"lastSendAt":' +
    JSON.stringify(state.lastSendAt) +
    ',"otpFailures":' +
    JSON.stringify(state.otpFailures) +
    ',"passwordFailures":' +
    JSON.stringify(state.passwordFailures) +
    "}"
  );
}

/** What JSON.parse gives before the checks: any field may hold anything, or be missing. */
type StoredState = Record<keyof SessionState, unknown>;

/** Whether a parsed value is text: String() gives back the very value only for a string (the subset has no typeof). */
function isText(value: unknown): boolean {
  return String(value) === value;
}

/** The steps are consecutive: one integer check (which a boolean fails in Python too) and two plain comparisons. */
function isStep(value: unknown): boolean {
  if (!Number.isInteger(value)) {
    return false;
  }
  const step = value as number;
  return step >= STEP_CODE && step <= STEP_FINAL_CODE;
}

/**
 * The checks JSON.parse does not make: each field of the type it is declared with, every number an integer. The fields are
 * `unknown` so that === compares them strictly in Python too, where `True == 1`.
 */
function hasFieldTypes(stored: StoredState): boolean {
  return (
    stored.version === STATE_VERSION &&
    isStep(stored.step) &&
    isText(stored.clientId) &&
    isText(stored.login) &&
    (stored.userId === null || isText(stored.userId)) &&
    isText(stored.codeHash) &&
    isText(stored.verifyTo) &&
    isText(stored.maskedPhone) &&
    Number.isInteger(stored.createdAt) &&
    Number.isInteger(stored.expiresAt) &&
    Number.isInteger(stored.codeIssuedAt) &&
    Number.isInteger(stored.sends) &&
    Number.isInteger(stored.lastSendAt) &&
    Number.isInteger(stored.otpFailures) &&
    Number.isInteger(stored.passwordFailures)
  );
}

/**
 * The state, or null when the text is not exactly what serializeState writes (truncated, edited, another version, a field of
 * the wrong type, missing or unknown). After the field checks, writing the state again gives the text back only when the
 * text had the one field order, no spaces, no other field, no field twice, and each value in the one form JSON.stringify
 * writes (no "1.0", no character escaped that JSON.stringify writes as itself).
 */
export function parseState(text: string): SessionState | null {
  try {
    const stored: StoredState = JSON.parse(text);
    if (!hasFieldTypes(stored)) {
      return null;
    }
    const state = stored as SessionState;
    return serializeState(state) === text ? state : null;
  } catch (e) {
    return null;
  }
}
