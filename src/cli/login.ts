// login: a terminal client of the three-step protocol, for the local server or a real Janssen, to see each answer by hand:
// at the token endpoint (the ROPC script), or with --challenge at /authorize-challenge, ending in a code exchange with PKCE.

import { UsageError } from "./args";
import type { ParsedArguments } from "./args";
import { EXIT_OK, EXIT_PROBLEMS } from "./command";
import type { Command, Output } from "./command";
import { challengeEndpointAdvice, noHeaderAdvice } from "./login/advice";
import { ChallengeClient } from "./login/challenge-client";
import { ChallengeLoginFlow } from "./login/challenge-flow";
import type { LoginOrder } from "./login/challenge-flow";
import { LoginFlow } from "./login/login-flow";
import { stdinPrompter } from "./login/prompter";
import type { Prompter } from "./login/prompter";
import { humanReporter, jsonReporter } from "./login/reporter";
import { TokenClient } from "./login/token-client";
import type { ClientAuthMethod, ClientSettings } from "./login/token-client";
import type { Reporter } from "./login/reporter";

const DEFAULT_HEADER = "X-ROPC-TWO-FA";
/** Where the client secret comes from when it is not typed at a prompt: the command line is visible to every local user. */
export const CLIENT_SECRET_VARIABLE = "GAMATECH_CLIENT_SECRET";

type SecretSource =
  | { kind: "none" }
  | { kind: "given"; secret: string; where: "command line" | "environment" }
  | { kind: "prompt" };

/** --ask-client-secret, else --client-secret, else the environment variable, else a public client (no secret). */
function secretSource(args: ParsedArguments, environment: NodeJS.ProcessEnv): SecretSource {
  const option = args.options.get("client-secret");
  if (args.options.has("ask-client-secret")) {
    if (option !== undefined) {
      throw new UsageError("--client-secret and --ask-client-secret: give one");
    }
    return { kind: "prompt" };
  }
  if (option !== undefined) {
    return { kind: "given", secret: option, where: "command line" };
  }
  const fromEnvironment = environment[CLIENT_SECRET_VARIABLE] ?? "";
  return fromEnvironment === ""
    ? { kind: "none" }
    : { kind: "given", secret: fromEnvironment, where: "environment" };
}

async function clientSecret(source: SecretSource, prompter: Prompter): Promise<string | undefined> {
  if (source.kind === "none") return undefined;
  if (source.kind === "given") return source.secret;
  const typed = await prompter.ask("Client secret: ", { hidden: true });
  if (typed === null || typed === "") throw new Error("no client secret typed");
  return typed;
}

function required(args: ParsedArguments, name: string): string {
  const value = args.options.get(name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

function endpointUrl(option: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--${option} must be an absolute URL (got ${JSON.stringify(value)})`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new UsageError(`--${option} must be http or https`);
  return url.toString();
}

/** Janssen serves both under restv1: .../token and .../authorize-challenge. */
function challengeUrl(args: ParsedArguments, token: string): string {
  const given = args.options.get("challenge-url");
  if (given !== undefined) return endpointUrl("challenge-url", given);
  const url = new URL(token);
  if (!url.pathname.endsWith("/token")) {
    throw new UsageError("--token-url does not end in /token: give --challenge-url too");
  }
  url.pathname = url.pathname.slice(0, -"token".length) + "authorize-challenge";
  return url.toString();
}

function loginOrder(value: string | undefined): LoginOrder {
  if (value === undefined) return "password_first";
  if (value === "password_first" || value === "code_first") return value;
  throw new UsageError(`--login-order must be password_first or code_first (got ${JSON.stringify(value)})`);
}

function clientAuth(value: string | undefined): ClientAuthMethod {
  if (value === undefined || value === "basic" || value === "post") return value ?? "basic";
  throw new UsageError(`--client-auth must be basic or post (got ${JSON.stringify(value)})`);
}

/** The --challenge login, its options read now: the dialogue at /authorize-challenge, then the code's exchange. */
function challengeLogin(
  args: ParsedArguments,
  settings: Omit<ClientSettings, "clientSecret">,
  deps: { prompter: Prompter; reporter: Reporter; username: string },
): (secret: string | undefined) => Promise<boolean> {
  const order = loginOrder(args.options.get("login-order"));
  const endpoint = challengeUrl(args, settings.tokenUrl);
  const acrValues = args.options.get("acr-values");
  return (secret) => {
    const client = new ChallengeClient({
      ...settings,
      challengeUrl: endpoint,
      acrValues,
      clientSecret: secret,
    });
    return new ChallengeLoginFlow({ ...deps, client, order }).run();
  };
}

export const loginCommand: Command = {
  name: "login",
  summary:
    "log a user in through the steps (code by SMS, password) at the token endpoint, or at /authorize-challenge",
  synopsis:
    "--token-url URL --client-id ID [--ask-client-secret] --username U [--challenge [--acr-values NAME]] [--json]",
  optionHelp: [
    "--token-url URL       e.g. https://HOST/jans-auth/restv1/token, or the one `serve` prints",
    "--client-id ID        the OAuth client",
    "--ask-client-secret   prompt for the client's secret (no echo on a terminal; a pipe gives the first line)",
    `                      without it: $${CLIENT_SECRET_VARIABLE} if set, else a public client (no secret)`,
    "--client-secret S     the secret on the command line (visible to other local users and kept in the shell's",
    `                      history: prefer $${CLIENT_SECRET_VARIABLE} or --ask-client-secret)`,
    "--client-auth METHOD  basic (client_secret_basic, the default) or post (client_secret_post)",
    "--username U          the login value: uid or mail, as the script's login_attributes allow",
    "--scope SCOPES        space-separated scopes to ask for (default: the client's)",
    `--header NAME         the script's response header (default ${DEFAULT_HEADER}; response_header_name)`,
    "--challenge           the Authorization Challenge script instead: the dialogue at /authorize-challenge (PKCE",
    "                      S256 on every request), then the code exchanged at --token-url with the verifier",
    "--challenge-url URL   default: --token-url with /token replaced by /authorize-challenge",
    "--login-order O       the script's login_order: password_first (the challenge script's default; the password",
    "                      is asked for before any code is sent) or code_first",
    "--acr-values NAME     the challenge script's name (e.g. gamatech_authz_challenge), sent on every request; leave",
    "                      it out only where the server's authorizationChallengeDefaultAcr names the script",
    "--json                one JSON object per step on stdout, for scripts",
    "Prompts for the code (type r for a new code) and the password without echo on a terminal; otherwise reads one",
    "line of stdin per prompt. Exit code 0 when a token was issued, 1 otherwise.",
  ],
  spec: {
    options: {
      "token-url": { takesValue: true },
      "client-id": { takesValue: true },
      "client-secret": { takesValue: true },
      "ask-client-secret": { takesValue: false },
      "client-auth": { takesValue: true },
      username: { takesValue: true },
      scope: { takesValue: true },
      header: { takesValue: true },
      challenge: { takesValue: false },
      "challenge-url": { takesValue: true },
      "login-order": { takesValue: true },
      "acr-values": { takesValue: true },
      json: { takesValue: false },
    },
    positionals: [],
  },
  run(args: ParsedArguments, output: Output): number {
    const headerName = args.options.get("header") ?? DEFAULT_HEADER;
    const challenge = args.options.has("challenge");
    const challengeOnly = ["challenge-url", "login-order", "acr-values"];
    if (!challenge && challengeOnly.some((name) => args.options.has(name))) {
      throw new UsageError("--challenge-url, --login-order and --acr-values go with --challenge");
    }
    const settings = {
      tokenUrl: endpointUrl("token-url", required(args, "token-url")),
      clientId: required(args, "client-id"),
      clientAuth: clientAuth(args.options.get("client-auth")),
      headerName,
      scope: args.options.get("scope"),
    };
    const username = required(args, "username");
    const source = secretSource(args, process.env);
    if (source.kind === "given" && source.where === "command line") {
      output.err(
        `login: --client-secret is visible to other local users and kept in the shell's history; prefer ` +
          `${CLIENT_SECRET_VARIABLE} or --ask-client-secret\n`,
      );
    }
    const unreached = challenge
      ? challengeEndpointAdvice
      : (status: number) => noHeaderAdvice(status, headerName);
    const reporter = args.options.has("json") ? jsonReporter(output) : humanReporter(output, unreached);
    const prompter = stdinPrompter();
    // The options are checked now, before any prompt: a usage error exits 2 at once.
    const loginWith: (secret: string | undefined) => Promise<boolean> = challenge
      ? challengeLogin(args, settings, { prompter, reporter, username })
      : (secret) => {
          const client = new TokenClient({ ...settings, clientSecret: secret });
          return new LoginFlow({ client, prompter, reporter, username }).run();
        };
    // Command.run is synchronous; the prompts keep the process alive and the outcome sets the exit code, after main()
    // has stored this return value.
    clientSecret(source, prompter)
      .then(loginWith)
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
