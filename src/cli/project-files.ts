// Where the CLI finds the project's own files, whatever directory it is run from.

import * as fs from "fs";
import * as path from "path";

/** Same as build-script.ts's, which cannot be imported here: it loads the compiler, and only `build` should pay for that. */
export const SCRIPT_FILE_NAME = "GamatechRopc.py";
export const CHALLENGE_FILE_NAME = "GamatechAuthzChallenge.py";
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
export const BUILT_SCRIPT = path.join(PROJECT_ROOT, "dist", SCRIPT_FILE_NAME);

/** A built script in dist/, by file name. */
export function builtScriptPath(fileName: string): string {
  return path.join(PROJECT_ROOT, "dist", fileName);
}

export function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  return manifest.version;
}
