// Phone numbers: strict E.164 (never repaired), the country allow-list, and the hint shown to the app.

import { isDigits } from "./text-checks";

export type PhoneHintMode = "none" | "masked" | "full";

const HEX_DIGITS = "0123456789abcdef";
const MASK = "********";

/** "+" then 1 to 15 digits, the first one 1-9. A number without "+" is rejected, not prefixed (S9). */
export function isE164(text: string): boolean {
  if (text.length < 2 || text.length > 16 || text.charAt(0) !== "+") {
    return false;
  }
  const digits = text.slice(1);
  return isDigits(digits) && digits.charAt(0) !== "0";
}

/** Country calling codes as configured ("49", "1", ...), without "+"; an empty list allows every country. */
export function isAllowedCountry(phone: string, countryCodes: readonly string[]): boolean {
  if (countryCodes.length === 0) {
    return true;
  }
  return countryCodes.some((code) => phone.startsWith("+" + code));
}

/** The first value that is valid E.164 and in an allowed country, or null. */
export function choosePhone(phones: string[], countryCodes: readonly string[]): string | null {
  for (const phone of phones) {
    if (isE164(phone) && isAllowedCountry(phone, countryCodes)) {
      return phone;
    }
  }
  return null;
}

/** Fixed width whatever the number's length, so the hint does not reveal it; at most the last 2 digits. */
export function maskPhone(phone: string): string {
  return MASK + phone.slice(phone.length - 2);
}

/** Deterministic decimal digits taken from a hexadecimal hash. */
function digitsFromHash(hashHex: string, count: number, offset: number): string {
  let out = "";
  let i = 0;
  while (i < count) {
    const value = HEX_DIGITS.indexOf(hashHex.charAt((offset + i) % hashHex.length));
    out += String(Math.max(value, 0) % 10);
    i++;
  }
  return out;
}

function decoyFullNumber(loginHashHex: string, countryCodes: readonly string[]): string {
  const country = countryCodes[0] ?? "1";
  const leading = String(2 + (Math.max(HEX_DIGITS.indexOf(loginHashHex.charAt(2)), 0) % 8));
  // National numbers: 10 digits in the North American plan, 11 (a common mobile length) elsewhere.
  const national = country === "1" ? 10 : 11;
  return "+" + country + leading + digitsFromHash(loginHashHex, national - 1, 3);
}

/** The hint a real user's start answers with, or null when hints are off. */
export function phoneHint(mode: PhoneHintMode, phone: string): string | null {
  switch (mode) {
    case "masked":
      return maskPhone(phone);
    case "full":
      return phone;
    default:
      return null;
  }
}

/**
 * A decoy's hint: stable for one login value (a hash of it), so repeating a start does not expose the decoy, and shaped like a
 * real hint. A full fake number uses the first allowed country and a national part that does not start with 0 or 1.
 */
export function decoyPhoneHint(
  mode: PhoneHintMode,
  loginHashHex: string,
  countryCodes: readonly string[],
): string | null {
  switch (mode) {
    case "masked":
      return MASK + digitsFromHash(loginHashHex, 2, 0);
    case "full":
      return decoyFullNumber(loginHashHex, countryCodes);
    default:
      return null;
  }
}
