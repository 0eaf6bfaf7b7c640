// Request values in a scenario may name what an app only learns at run time: the session id and the code it was sent.

export interface LearnedValues {
  session: string | null;
  code: string | null;
  /** The code sent before the current one (a resend replaces it). */
  previousCode: string | null;
}

export function emptyLearnedValues(): LearnedValues {
  return { session: null, code: null, previousCode: null };
}

/** Records a code the app just received. */
export function learnCode(learned: LearnedValues, code: string | null): void {
  if (code !== null && code !== learned.code) {
    learned.previousCode = learned.code;
    learned.code = code;
  }
}

/** A code of the same length that differs from the right one in its last digit. */
export function wrongCode(code: string): string {
  const last = Number(code.slice(-1));
  return code.slice(0, -1) + String((last + 1) % 10);
}

/** A code as SMS apps show it: its two halves separated by a space (`166 354`). */
export function spacedCode(code: string): string {
  const half = Math.floor(code.length / 2);
  return code.slice(0, half) + " " + code.slice(half);
}

function substitute(value: string, learned: LearnedValues): string {
  return value.replace(
    /\{(session|code|wrong_code|previous_code|spaced_code|spaced_wrong_code)\}/g,
    (_match, name: string) => {
      const known =
        name === "session" ? learned.session : name === "previous_code" ? learned.previousCode : learned.code;
      if (known === null) throw new Error(`the scenario uses {${name}} before any was issued`);
      if (name === "wrong_code") return wrongCode(known);
      if (name === "spaced_code") return spacedCode(known);
      if (name === "spaced_wrong_code") return spacedCode(wrongCode(known));
      return known;
    },
  );
}

/** Every parameter with its values as a list, placeholders replaced. */
export function resolveParams(
  params: Record<string, string | string[]>,
  learned: LearnedValues,
): Record<string, string[]> {
  const resolved: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    resolved[name] = values.map((one) => substitute(one, learned));
  }
  return resolved;
}

/** The code in an SMS text: the first run of exactly `length` digits. */
export function codeInText(text: string, length: number): string | null {
  const match = new RegExp(`(?<![0-9])[0-9]{${length}}(?![0-9])`).exec(text);
  return match === null ? null : match[0];
}
