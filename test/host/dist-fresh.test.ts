// dist/GamatechRopc.py is committed for admins; it must be exactly what the sources build today.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildScript } from "../../src/cli/build-script";
import { BUILT_SCRIPT } from "../conformance/jython-side";

jest.setTimeout(120_000);

/** Build folders of this file, removed once it is done, whatever the outcome. */
const folders: string[] = [];

function buildFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-build-"));
  folders.push(folder);
  return folder;
}

afterAll(() => {
  for (const folder of folders) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

/** A fresh build of the sources, made once: it is both compared with dist/ and rebuilt to check the build is stable. */
let freshBuild: ReturnType<typeof buildScript> | null = null;
function fresh(): ReturnType<typeof buildScript> {
  freshBuild ??= buildScript({ outFile: path.join(buildFolder(), "GamatechRopc.py") });
  return freshBuild;
}

test("the committed dist/GamatechRopc.py equals a fresh build (run `npm run build` and commit dist/)", () => {
  const result = fresh();
  expect(result.diagnostics).toEqual([]);
  expect(fs.readFileSync(BUILT_SCRIPT, "utf8")).toBe(fs.readFileSync(result.outFile, "utf8"));
});

test("the build is deterministic: two builds are byte for byte the same", () => {
  const first = fresh();
  const second = buildScript({ outFile: path.join(buildFolder(), "second.py") });
  expect(first.ok && second.ok).toBe(true);
  expect(second.python).toBe(first.python);
});

test("the header names every custom property with its default, and no timestamp", () => {
  const text = fs.readFileSync(BUILT_SCRIPT, "utf8");
  const header = text.slice(0, text.indexOf("from __future__"));
  for (const name of ["twilio_account_sid", "otp_length", "phone_hint", "otp_hash_key"]) {
    expect(header).toContain(`#   ${name}:`);
  }
  expect(header).toContain("otp_length: optional; default 6;");
  expect(header).not.toMatch(/20\d\d-\d\d-\d\d|\d\d:\d\d:\d\d/);
});
