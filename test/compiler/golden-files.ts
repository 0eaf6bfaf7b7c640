// Golden files: checked-in expected output, compared byte for byte. UPDATE_GOLDEN=1 rewrites them instead, and a
// mismatch says so, so a reviewer updating the compiler knows how to refresh them and reviews the diff.
import * as fs from "fs";

export const UPDATING = process.env.UPDATE_GOLDEN === "1";

/** Fails unless `actual` equals the golden file's text; writes it instead when UPDATE_GOLDEN=1. */
export function expectGolden(actual: string, file: string, regenerate: string, update = UPDATING): void {
  if (update) fs.writeFileSync(file, actual);
  const expected = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  if (expected === actual) return;
  const hint = `${file} ${expected === undefined ? "does not exist" : "is out of date"}. If the change is intended, regenerate it with\n  ${regenerate}\nand review the diff.`;
  try {
    expect(actual).toBe(expected);
  } catch (error) {
    if (error instanceof Error) error.message = `${hint}\n\n${error.message}`;
    throw error;
  }
}
