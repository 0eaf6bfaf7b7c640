// login: a terminal client of the three-step protocol, for the local server or a real Janssen, to see each answer by hand.

import { UsageError } from "./args";
import type { ParsedArguments } from "./args";
import { EXIT_OK, EXIT_PROBLEMS } from "./command";
import type { Command, Output } from "./command";
import { LoginFlow } from "./login/login-flow";
import { stdinPrompter } from "./login/prompter";
import { humanReporter, jsonReporter } from "./login/reporter";
import { TokenClient } from "./login/token-client";
import type { ClientAuthMethod } from "./login/token-client";

const DEFAULT_HEADER = "X-ROPC-TWO-FA";

function required(args: ParsedArguments, name: string): string {
  const value = args.options.get(name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

function tokenUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--token-url must be an absolute URL (got ${JSON.stringify(value)})`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new UsageError("--token-url must be http or https");
  return url.toString();
}

function clientAuth(value: string | undefined): ClientAuthMethod {
  if (value === undefined || value === "basic" || value === "post") return value ?? "basic";
  throw new UsageError(`--client-auth must be basic or post (got ${JSON.stringify(value)})`);
}

export const loginCommand: Command = {
  name: "login",
  summary: "log a user in through the three steps (code by SMS, then password) against a token endpoint",
  synopsis: "--token-url URL --client-id ID [--client-secret S] --username U [--json]",
  optionHelp: [
    "--token-url URL       e.g. https://HOST/jans-auth/restv1/token, or the one `serve` prints",
    "--client-id ID        the OAuth client",
    "--client-secret S     its secret (omit for a public client)",
    "--client-auth METHOD  basic (client_secret_basic, the default) or post (client_secret_post)",
    "--username U          the login value: uid or mail, as the script's login_attributes allow",
    "--scope SCOPES        space-separated scopes to ask for (default: the client's)",
    `--header NAME         the script's response header (default ${DEFAULT_HEADER}; response_header_name)`,
    "--json                one JSON object per step on stdout, for scripts",
    "Prompts for the code (type r for a new code) and the password without echo on a terminal; otherwise reads one",
    "line of stdin per prompt. Exit code 0 when a token was issued, 1 otherwise.",
  ],
  spec: {
    options: {
      "token-url": { takesValue: true },
      "client-id": { takesValue: true },
      "client-secret": { takesValue: true },
      "client-auth": { takesValue: true },
      username: { takesValue: true },
      scope: { takesValue: true },
      header: { takesValue: true },
      json: { takesValue: false },
    },
    positionals: [],
  },
  run(args: ParsedArguments, output: Output): number {
    const headerName = args.options.get("header") ?? DEFAULT_HEADER;
    const client = new TokenClient({
      tokenUrl: tokenUrl(required(args, "token-url")),
      clientId: required(args, "client-id"),
      clientSecret: args.options.get("client-secret"),
      clientAuth: clientAuth(args.options.get("client-auth")),
      headerName,
      scope: args.options.get("scope"),
    });
    const username = required(args, "username");
    const reporter = args.options.has("json") ? jsonReporter(output) : humanReporter(output, headerName);
    const prompter = stdinPrompter();
    // Command.run is synchronous; the prompts keep the process alive and the outcome sets the exit code, after main()
    // has stored this return value.
    new LoginFlow({ client, prompter, reporter, username })
      .run()
      .then(
        (loggedIn) => (process.exitCode = loggedIn ? EXIT_OK : EXIT_PROBLEMS),
        (error: Error) => {
          const reason =
            error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
          output.err(`login: ${reason}\n`);
          process.exitCode = EXIT_PROBLEMS;
        },
      )
      // fetch keeps its connection alive for seconds after the last request; the login is over, so leave now.
      .finally(() => process.exit());
    return EXIT_OK;
  },
};
