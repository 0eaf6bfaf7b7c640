// build [--out DIR]: what `npm run build` does, from anywhere the CLI is run: both scripts, the ROPC one and the
// Authorization Challenge one.

import * as path from "path";
import type { ParsedArguments } from "./args";
import { EXIT_OK, EXIT_PROBLEMS } from "./command";
import type { Command, Output } from "./command";
import { CHALLENGE_FILE_NAME, SCRIPT_FILE_NAME } from "./project-files";

/** Loaded on demand: the compiler takes seconds to load, and the other commands do not need it. */
function loadBuilder(): typeof import("./build-script") {
  return require("./build-script") as typeof import("./build-script");
}

export const buildCommand: Command = {
  name: "build",
  summary: `compile src/host and src/flow into ${SCRIPT_FILE_NAME} and ${CHALLENGE_FILE_NAME} (dist/ unless --out)`,
  synopsis: "[--out DIR]",
  optionHelp: [
    `--out DIR  write DIR/${SCRIPT_FILE_NAME} and DIR/${CHALLENGE_FILE_NAME} instead of the ones in dist/`,
    "Each script is written only when it builds without a diagnostic.",
  ],
  spec: { options: { out: { takesValue: true } }, positionals: [] },
  run(args: ParsedArguments, output: Output, cwd: string): number {
    const outDir = args.options.get("out");
    const results = loadBuilder().buildScripts(
      outDir === undefined ? {} : { outDir: path.resolve(cwd, outDir) },
    );
    let code = EXIT_OK;
    for (const result of results) {
      for (const diagnostic of result.diagnostics) {
        output.err(diagnostic + "\n");
      }
      if (result.ok) {
        output.out(`wrote ${result.outFile}\n`);
      } else {
        output.err(`${result.diagnostics.length} error(s): ${result.outFile} was not written.\n`);
        code = EXIT_PROBLEMS;
      }
    }
    return code;
  },
};
