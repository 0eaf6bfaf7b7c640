// Every default that docs/*.md and README.md state in prose is the one in src/flow/config-table.ts, so changing a default
// fails here until the documentation follows (issue 13). The generated property tables are checked by test/cli/docs.test.ts.

import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { CONFIG_PROPERTIES } from "../../src/flow/config-table";
import { headerExamples, scanDocument } from "./doc-defaults";
import type { StatedDefault } from "./doc-defaults";

const root = join(__dirname, "..", "..");
const FILES = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

function defaultOf(name: string): string {
  const found = CONFIG_PROPERTIES.find((item) => item.name === name);
  if (found === undefined) throw new Error(`no property ${name}`);
  return found.defaultValue;
}

function minutes(name: string): string {
  return String(Number(defaultOf(name)) / 60);
}

/**
 * Prose that states defaults without naming the properties, written from the table: when a default changes, the text the
 * document holds no longer matches and the test names the passage to update (then update it here as well).
 */
const PASSAGES: Record<string, string[]> = {
  "docs/protocol.md": [
    `Limits (defaults; the administrator may change them): ${defaultOf("max_otp_attempts")} codes and ` +
      `${defaultOf("max_password_attempts")} passwords checked per session; a resend every ` +
      `${defaultOf("resend_cooldown_seconds")} s and ${defaultOf("max_sends_per_session")} sends per session; ` +
      `${defaultOf("max_sends_per_user_per_hour")} sends per username and ${defaultOf("max_sends_per_ip_per_hour")} per ` +
      `client address in any rolling hour; after ${defaultOf("max_failures_per_user_per_hour")} wrong codes`,
    `a session sends at most ${defaultOf("max_sends_per_session")} codes (by default)`,
  ],
  "docs/try-it-locally.md": [
    `Codes live ${minutes("otp_ttl_seconds")} minutes and logins ${minutes("session_ttl_seconds")} by default`,
  ],
};

function read(file: string): string {
  return readFileSync(join(root, file), "utf8");
}

function wrong(stated: StatedDefault[]): string[] {
  return stated
    .filter((item) => item.value !== defaultOf(item.property))
    .map(
      (item) =>
        `${item.file}: "${item.text}" says ${item.property} is ${item.value}; the table says ${defaultOf(item.property)}`,
    );
}

describe("defaults stated in the documentation are the table's", () => {
  test.each(FILES)("%s: every `property` (value by default) is the property's default", (file) => {
    const result = scanDocument(file, read(file), PASSAGES[file] ?? []);
    expect(wrong(result.stated)).toEqual([]);
  });

  test.each(FILES)("%s: start and resend answers in examples show the defaults", (file) => {
    expect(wrong(headerExamples(file, read(file)))).toEqual([]);
  });

  test.each(FILES)(
    "%s: no number next to 'default' escapes the check (name the property, or list the passage here)",
    (file) => {
      expect(scanDocument(file, read(file), PASSAGES[file] ?? []).unchecked).toEqual([]);
    },
  );

  test.each(Object.entries(PASSAGES))(
    "%s still holds its passages, with the current defaults",
    (file, passages) => {
      const prose = read(file).replace(/\s+/g, " ");
      expect(passages.filter((passage) => !prose.includes(passage))).toEqual([]);
    },
  );

  test("the scan sees the statements it is meant to check (it cannot pass by finding nothing)", () => {
    const stated = FILES.flatMap((file) => scanDocument(file, read(file), PASSAGES[file] ?? []).stated);
    const seen = new Set(stated.map((item) => `${item.file} ${item.property}`));
    for (const expected of [
      "README.md otp_ttl_seconds",
      "README.md session_ttl_seconds",
      "docs/protocol.md otp_length",
      "docs/protocol.md session_ttl_seconds",
      "docs/protocol.md max_sends_per_session",
      "docs/configuration.md trusted_proxy_count",
    ]) {
      expect(seen).toContain(expected);
    }
  });
});

describe("the scanner", () => {
  const doc = [
    "The session lives `session_ttl_seconds` (900 s by default), and a session sends at most",
    "`max_sends_per_session` codes (4 by default). Codes expire (`otp_ttl_seconds`, 7 minutes); the login must end",
    "within `session_ttl_seconds` (11 minutes). A code has (the configured `otp_length`, 8 by default) digits.",
    "",
    "- **Addresses (`trusted_proxy_count`)**: with 2 (the default) the second entry.",
    "",
    "```",
    "`otp_length` (9 by default) in a code block is not prose",
    "```",
    "",
    "Sends at most 12 codes by default.",
    "",
    "Set (`twilio_from_number`, `twilio_messaging_service_sid`) and GR1035 has a parameter default.",
  ].join("\n");

  test("reads every form, converts minutes, skips code blocks and lists of property names", () => {
    const result = scanDocument("x.md", doc, []);
    expect(result.stated.map((item) => [item.property, item.value])).toEqual([
      ["session_ttl_seconds", "900"],
      ["max_sends_per_session", "4"],
      ["session_ttl_seconds", "660"],
      ["otp_ttl_seconds", "420"],
      ["otp_length", "8"],
      ["trusted_proxy_count", "2"],
    ]);
    expect(result.unchecked).toEqual(["x.md: Sends at most 12 codes by default."]);
  });

  test("a listed passage is not reported as unchecked", () => {
    expect(scanDocument("x.md", doc, ["Sends at most 12 codes by default"]).unchecked).toEqual([]);
  });

  test("a wrong default is reported with the property, the text and both values", () => {
    // 11 minutes is above the property's range, so it can never be the default.
    const stated = scanDocument("x.md", "Codes live `otp_ttl_seconds` (11 minutes by default).", []).stated;
    expect(wrong(stated)).toEqual([
      'x.md: "`otp_ttl_seconds` (11 minutes by default)" says otp_ttl_seconds is 660; the table says ' +
        defaultOf("otp_ttl_seconds"),
    ]);
  });

  test("header examples of a start carry three defaults", () => {
    const found = headerExamples(
      "x.md",
      "status=proceed;session_id=1;step=2;expires_in=240;resend_after=30;code_length=8",
    );
    expect(found.map((item) => [item.property, item.value])).toEqual([
      ["otp_ttl_seconds", "240"],
      ["resend_cooldown_seconds", "30"],
      ["otp_length", "8"],
    ]);
  });
});
