// Wires the local mode together: the script runner, the HTTP server on 127.0.0.1, the console, and a clean stop on a signal.

import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import type { AuthenticateReply } from "../../world/protocol";
import { EXIT_OK, EXIT_PROBLEMS } from "../command";
import type { Output } from "../command";
import { bannerText } from "./banner";
import { listenForClockCommands } from "./clock-console";
import { CHALLENGE_PATH } from "./challenge-endpoint";
import { CodeGrants } from "./code-grants";
import { localEndpoints } from "./routes";
import { ScriptInitError, ScriptRunner } from "./script-runner";
import type { ScriptPaths } from "./script-runner";
import { SmsOutbox } from "./sms-outbox";
import { TOKEN_PATH } from "./token-endpoint";
import type { WorldFiles } from "./world-files";

export interface ServerSettings {
  port: number;
  scripts: ScriptPaths;
  world: WorldFiles;
  /** null: the default for the port actually bound (defaultOutbox). */
  outboxFile: string | null;
  clockControl: boolean;
  /** twilio-java version the world runs; default 7.17.0 (Janssen's). */
  twilioVersion?: string;
}

function showScriptReply(reply: AuthenticateReply, outbox: SmsOutbox, print: (line: string) => void): void {
  // The script's log lines never hold a code or a password: they are what Janssen's script log would show.
  reply.logs.forEach((line) => print(`[script log] ${line}`));
  if (reply.outcome === "raised")
    print(`[script] raised ${reply.exception.type}: ${reply.exception.message}`);
  outbox.deliver(reply.sms, reply.verify);
}

/** One outbox per port, so two servers side by side (tests, two configurations) never mix their codes. */
export function defaultOutbox(port: number | "PORT"): string {
  return path.join(os.tmpdir(), `gamatech-ropc-outbox-${port}.txt`);
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

const LISTEN_PROBLEMS: Record<string, string> = {
  EADDRINUSE: "the port is in use (another serve?): choose another with --port N, or --port 0 for a free one",
  EACCES: "not allowed (ports below 1024 need privileges): choose another with --port N",
};

/** Answers while Jython starts: the port is already bound, so that a busy port fails before the slow start. */
function notReady(_request: http.IncomingMessage, response: http.ServerResponse): void {
  response.writeHead(503, { "Content-Type": "application/json", "Retry-After": "5" });
  response.end(
    JSON.stringify({ error: "temporarily_unavailable", error_description: "The script is starting." }),
  );
}

/** Runs until SIGINT or SIGTERM, or until Jython fails; resolves with the exit code. */
export async function runLocalServer(settings: ServerSettings, output: Output): Promise<number> {
  const print = (line: string) => output.out(line + "\n");
  const { world } = settings;
  const missing = Object.values(settings.scripts).filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    output.err(`serve: ${missing.join(" and ")} missing; build first: npm run build\n`);
    return EXIT_PROBLEMS;
  }
  let handle: http.RequestListener = notReady;
  const server = http.createServer((request, response) => handle(request, response));
  let port: number;
  try {
    port = await listen(server, settings.port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const problem = LISTEN_PROBLEMS[code] ?? (error as Error).message;
    output.err(`serve: cannot listen on 127.0.0.1:${settings.port}: ${problem}\n`);
    return EXIT_PROBLEMS;
  }
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  print("Starting Jython with the built scripts (the first run also compiles the Java doubles)...");
  let runner: ScriptRunner;
  try {
    const started = await ScriptRunner.start({
      scripts: settings.scripts,
      users: world.users,
      clientIds: world.clients.map((client) => client.client_id),
      clientSecrets: Object.fromEntries(
        world.clients.flatMap((client) =>
          client.client_secret === null ? [] : [[client.client_id, client.client_secret]],
        ),
      ),
      properties: world.properties,
      twilioVersion: settings.twilioVersion,
    });
    runner = started.runner;
    started.initLogs.forEach((line) => print(`[script log] ${line}`));
  } catch (error) {
    await closeServer();
    if (!(error instanceof ScriptInitError)) throw error;
    output.err(
      `serve: ${path.basename(error.script)} refused the custom properties in ${world.sources.config}:\n`,
    );
    error.logs.forEach((line) => output.err(`  ${line}\n`));
    output.err("Check them with: npx gamatech-ropc check-config FILE\n");
    return EXIT_PROBLEMS;
  }

  const outboxFile = settings.outboxFile ?? defaultOutbox(port);
  const outbox = new SmsOutbox(outboxFile, print);
  // Resolves with the exit code: 0 on a signal, 1 when Jython fails, after which no request could be answered.
  let stop: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => (stop = resolve));
  process.once("SIGINT", () => stop(EXIT_OK));
  process.once("SIGTERM", () => stop(EXIT_OK));
  handle = localEndpoints({
    clients: world.clients,
    codes: new CodeGrants(() => runner.nowMs()),
    exposedHeader: world.properties.response_header_name?.trim() || "X-ROPC-TWO-FA",
    authenticate: (call) => runner.call("ropc", call),
    challenge: (call) => runner.call("challenge", call),
    onScriptReply: (reply) => showScriptReply(reply, outbox, print),
    onRunnerError: (error) => {
      output.err(`serve: the Jython process failed, stopping: ${error.message}\n`);
      stop(EXIT_PROBLEMS);
    },
  });
  const clock = settings.clockControl ? listenForClockCommands(runner, print) : null;
  print(
    bannerText({
      endpoint: `http://127.0.0.1:${port}${TOKEN_PATH}`,
      challengeEndpoint: `http://127.0.0.1:${port}${CHALLENGE_PATH}`,
      users: world.users,
      clients: world.clients,
      properties: world.properties,
      sources: world.sources,
      examples: world.examples,
      outboxFile,
      clockControl: settings.clockControl,
    }),
  );

  const code = await stopped;
  print("Stopping...");
  clock?.close();
  server.closeAllConnections();
  await closeServer();
  await runner.close();
  return code;
}
