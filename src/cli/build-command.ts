// build [--out DIR]: what `npm run build` does, from anywhere the CLI is run.

import * as path from "path";
import type { ParsedArguments } from "./args";
import { EXIT_OK, EXIT_PROBLEMS } from "./command";
import type { Command, Output } from "./command";
import { SCRIPT_FILE_NAME } from "./project-files";

/** Loaded on demand: the compiler takes seconds to load, and the other commands do not need it. */
function loadBuilder(): typeof import("./build-script") {
  return require("./build-script") as typeof import("./build-script");
}

export const buildCommand: Command = {
  name: "build",
  summary: "compile src/host and src/flow into GamatechRopc.py (dist/ unless --out)",
  synopsis: "[--out DIR]",
  optionHelp: [`--out DIR  write DIR/${SCRIPT_FILE_NAME} instead of dist/${SCRIPT_FILE_NAME}`],
  spec: { options: { out: { takesValue: true } }, positionals: [] },
  run(args: ParsedArguments, output: Output, cwd: string): number {
    const outDir = args.options.get("out");
    const result = loadBuilder().buildScript(
      outDir === undefined ? {} : { outFile: path.resolve(cwd, outDir, SCRIPT_FILE_NAME) },
    );
    for (const diagnostic of result.diagnostics) {
      output.err(diagnostic + "\n");
    }
    if (!result.ok) {
      output.err(`${result.diagnostics.length} error(s): ${result.outFile} was not written.\n`);
      return EXIT_PROBLEMS;
    }
    output.out(`wrote ${result.outFile}\n`);
    return EXIT_OK;
  },
};
