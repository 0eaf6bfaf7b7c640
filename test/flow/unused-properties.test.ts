// unusedWarnings: what init and check-config say about a property the script type does not read.

import { CHALLENGE_UNUSED } from "../../src/flow/challenge-properties";
import { CONFIG_PROPERTIES } from "../../src/flow/config";
import { unusedWarnings } from "../../src/flow/unused-properties";

test("one warning, on the property, for each unused property given a value", () => {
  expect(unusedWarnings({ response_header_name: "X-Two-Fa", otp_length: "6" }, CHALLENGE_UNUSED)).toEqual([
    "response_header_name: not read by this script (its answers are JSON bodies, not a response header); it changes " +
      "nothing",
  ]);
});

test("absent, null or blank is not given", () => {
  const given: Record<string, string | null>[] = [
    {},
    { response_header_name: null },
    { response_header_name: " \t" },
  ];
  for (const raw of given) {
    expect(unusedWarnings(raw, CHALLENGE_UNUSED)).toEqual([]);
  }
});

test("a script type that reads every property warns about none", () => {
  expect(unusedWarnings({ response_header_name: "X-Two-Fa" }, {})).toEqual([]);
});

test("every unused property of the challenge script is one of the table's", () => {
  const names = CONFIG_PROPERTIES.map((property) => property.name);
  for (const name of Object.keys(CHALLENGE_UNUSED)) expect(names).toContain(name);
});
