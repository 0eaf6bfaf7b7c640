// serve: a local stand-in for Janssen's token and Authorization Challenge endpoints that runs the built scripts, so the
// login can be tried on a laptop.

import * as path from "path";
import { UsageError } from "./args";
import type { ParsedArguments } from "./args";
import { EXIT_OK, EXIT_PROBLEMS } from "./command";
import type { Command, Output } from "./command";
import { DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION } from "../world/javaDoubles";
import { defaultOutbox, runLocalServer } from "./local-server/run-server";
import { readWorldFiles } from "./local-server/world-files";
import { BUILT_SCRIPT, builtScriptPath, CHALLENGE_FILE_NAME } from "./project-files";

const DEFAULT_PORT = 8080;

function portOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^[0-9]{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535 (got ${JSON.stringify(value)})`);
  }
  return Number(value);
}

function twilioVersionOption(value: string | undefined): string | undefined {
  if (value !== undefined && !/^[0-9]+\.[0-9]+\.[0-9]+$/.test(value)) {
    throw new UsageError(
      `--twilio-version must be a version such as ${NEWEST_TWILIO_VERSION} (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

export const serveCommand: Command = {
  name: "serve",
  summary:
    "try the built scripts locally: /token and /authorize-challenge on 127.0.0.1, fake users, SMS printed to the console",
  synopsis:
    "[--port N] [--users FILE] [--clients FILE] [--config FILE] [--outbox FILE] [--clock-control] [--twilio-version V]",
  optionHelp: [
    `--port N         port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one, printed at start); bound before`,
    "                 Jython starts, so a port in use fails at once (exit 1)",
    "--users FILE     JSON array of users: uid, password, status, attributes (mail, mobile, telephoneNumber...)",
    "--clients FILE   JSON array of clients: client_id, client_secret (left out: a public client), scopes,",
    "                 grant_types (password, authorization_code); /authorize-challenge needs the scope",
    "                 authorization_challenge and the authorization_code grant, and PKCE (S256) for a public client",
    "--config FILE    the script's custom properties (JSON or .properties, as for check-config)",
    `--outbox FILE    file each SMS is appended to (default ${defaultOutbox("PORT")},`,
    "                 one per port, PORT the port bound)",
    "--clock-control  read `advance SECONDS` lines on stdin to move the script's clock ahead (try expiry fast)",
    `--twilio-version V  twilio-java from Maven Central the script runs with (default ${DEFAULT_TWILIO_VERSION}, as Janssen ships;`,
    `                 Verify needs 7.37 or later, e.g. ${NEWEST_TWILIO_VERSION})`,
    "Files not given come from examples/local. Runs dist/GamatechRopc.py (/token, password grant) and",
    "dist/GamatechAuthzChallenge.py (/authorize-challenge; its codes are exchanged at /token, once, within 60 s)",
    "in one Jython process (needs jython, a JDK and Maven);",
    "the real twilio-java SDK talks HTTPS to a fake Twilio API inside that process: nothing leaves the machine.",
    "Local test mode only: codes are printed, tokens are random strings, nothing is sent.",
    "Walk the dialogue with: npx gamatech-ropc login [--challenge] ... (see login --help).",
  ],
  spec: {
    options: {
      port: { takesValue: true },
      users: { takesValue: true },
      clients: { takesValue: true },
      config: { takesValue: true },
      outbox: { takesValue: true },
      "clock-control": { takesValue: false },
      "twilio-version": { takesValue: true },
    },
    positionals: [],
  },
  run(args: ParsedArguments, output: Output, cwd: string): number {
    const port = portOption(args.options.get("port"));
    const world = readWorldFiles(
      {
        users: args.options.get("users"),
        clients: args.options.get("clients"),
        config: args.options.get("config"),
      },
      cwd,
    );
    const outbox = args.options.get("outbox");
    // Command.run is synchronous; the server keeps the process alive and sets the exit code itself when it stops, which
    // is after main() has stored this return value.
    runLocalServer(
      {
        port,
        scripts: { ropc: BUILT_SCRIPT, challenge: builtScriptPath(CHALLENGE_FILE_NAME) },
        world,
        outboxFile: outbox === undefined ? null : path.resolve(cwd, outbox),
        clockControl: args.options.has("clock-control"),
        twilioVersion: twilioVersionOption(args.options.get("twilio-version")),
      },
      output,
    ).then(
      (code) => {
        process.exitCode = code;
        // The stdin reader of --clock-control would otherwise keep the process alive.
        process.exit();
      },
      (error: Error) => {
        output.err(`serve: ${error.message}\n`);
        process.exit(EXIT_PROBLEMS);
      },
    );
    return EXIT_OK;
  },
};
