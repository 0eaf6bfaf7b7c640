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

/** A copy with the fields in one fixed order, so that serializing is canonical. */
function canonical(state: SessionState): SessionState {
  return {
    version: state.version,
    clientId: state.clientId,
    login: state.login,
    userId: state.userId,
    step: state.step,
    codeHash: state.codeHash,
    verifyTo: state.verifyTo,
    maskedPhone: state.maskedPhone,
    createdAt: state.createdAt,
    expiresAt: state.expiresAt,
    codeIssuedAt: state.codeIssuedAt,
    sends: state.sends,
    lastSendAt: state.lastSendAt,
    otpFailures: state.otpFailures,
    passwordFailures: state.passwordFailures,
  };
}

export function serializeState(state: SessionState): string {
  return JSON.stringify(canonical(state));
}

/**
 * The state, or null when the text is not exactly what serializeState writes (truncated, edited, another version, a field of
 * the wrong type or missing): re-serializing and comparing checks the whole shape without typeof, which the guest subset lacks.
 */
export function parseState(text: string): SessionState | null {
  try {
    const parsed: SessionState = JSON.parse(text);
    const state = canonical(parsed);
    if (serializeState(state) !== text || state.version !== STATE_VERSION) {
      return null;
    }
    const numbers = [
      state.createdAt,
      state.expiresAt,
      state.codeIssuedAt,
      state.sends,
      state.lastSendAt,
      state.otpFailures,
      state.passwordFailures,
    ];
    if (
      (state.step !== STEP_CODE && state.step !== STEP_PASSWORD && state.step !== STEP_FINAL_CODE) ||
      !numbers.every((value) => Number.isInteger(value))
    ) {
      return null;
    }
    return state;
  } catch (e) {
    return null;
  }
}
