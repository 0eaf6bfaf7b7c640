// The CLI prints what administrators paste into tickets and chats, so no secret value may reach its output, even through a
// message that quotes a value.

import { CONFIG_PROPERTIES } from "../flow/config";
import type { RawProperties } from "./properties-file";

const SECRET_NAMES = new Set(CONFIG_PROPERTIES.filter((item) => item.secret).map((item) => item.name));
const KNOWN_NAMES = new Set(CONFIG_PROPERTIES.map((item) => item.name));
/** Shorter values would be masked inside ordinary words; the parser never quotes secrets anyway, this is a second net. */
const SHORTEST_MASKED_VALUE = 4;

export const HIDDEN = "(hidden)";

export function isSecretProperty(name: string): boolean {
  return SECRET_NAMES.has(name);
}

/** 32 hexadecimal characters: a Twilio auth token, wherever it was typed (the parser warns about it). */
const TOKEN_SHAPE = /^[0-9a-fA-F]{32}$/;

/**
 * Values to keep out of the output: secrets, values of unknown names, which may be misspelt secrets, and token-shaped
 * values in any field (a secret typed into the wrong one).
 */
export function secretValues(raw: RawProperties): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const text = value?.trim() ?? "";
    const secretLike = SECRET_NAMES.has(name) || !KNOWN_NAMES.has(name) || TOKEN_SHAPE.test(text);
    if (text.length >= SHORTEST_MASKED_VALUE && secretLike) {
      values.push(text);
    }
  }
  // Longest first, so that a secret containing another is masked whole.
  return values.sort((a, b) => b.length - a.length);
}

export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    masked = masked.split(secret).join(HIDDEN);
  }
  return masked;
}
