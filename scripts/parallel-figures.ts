// Prints SECURITY.md's table of parallel figures (issue 12 §7): every attack of test/parallel/attacks.ts, K requests
// released together on real Java threads in Jython against dist/GamatechRopc.py, over a sweep of K, store latency and
// nodes, all measured here. The parallel suite (test/parallel/one-node.test.ts, two-nodes.test.ts) asserts a subset of the
// same runs.
//   npm run parallel-figures                       the full sweep (a few minutes)
//   npm run parallel-figures -- --k 200 --latency 10 --nodes 1 --attacks wrong-codes,resends --script path/to/Script.py
//   --backend redis|database: both nodes on a real redis-server, or on PostgreSQL behind the world's entry manager (both
//     started here; atomic claims), instead of the world's own map
//   add --json for one JSON line per run instead of the table; --render runs.jsonl prints the table of recorded --json runs

import { createHash } from "crypto";
import { readFileSync } from "fs";
import { loadavg } from "os";
import { BUILT_SCRIPT } from "../test/conformance/jython-side";
import {
  ATTACKS,
  AttackName,
  Backend,
  AttackResult,
  LIMITS,
  ParallelWorld,
  runAttack,
} from "../test/parallel/attacks";

interface Options {
  k: number[];
  latency: number[];
  nodes: (1 | 2)[];
  attacks: AttackName[];
  sessions: number;
  script: string | undefined;
  json: boolean;
  render: string | undefined;
  backend: Backend;
}

function parse(argv: string[]): Options {
  const options: Options = {
    k: [50, 200],
    latency: [0, 2, 10],
    nodes: [1, 2],
    attacks: [...ATTACKS],
    sessions: 10,
    script: undefined,
    json: false,
    render: undefined,
    backend: "in-memory",
  };
  const numbers = (value: string | undefined) => (value ?? "").split(",").map(Number);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case "--k":
        options.k = numbers(value);
        i++;
        break;
      case "--latency":
        options.latency = numbers(value);
        i++;
        break;
      case "--nodes":
        options.nodes = numbers(value).map((n) => (n === 2 ? 2 : 1));
        i++;
        break;
      case "--attacks":
        options.attacks = (value ?? "").split(",").map((name) => {
          if (!ATTACKS.includes(name as AttackName))
            throw new Error(`unknown attack ${name}; known: ${ATTACKS.join(", ")}`);
          return name as AttackName;
        });
        i++;
        break;
      case "--sessions":
        options.sessions = Number(value);
        i++;
        break;
      case "--script":
        options.script = value;
        i++;
        break;
      case "--backend":
        if (value !== "in-memory" && value !== "redis" && value !== "database")
          throw new Error("--backend is in-memory, redis or database");
        options.backend = value;
        i++;
        break;
      case "--render":
        options.render = value;
        i++;
        break;
      case "--json":
        options.json = true;
        break;
      default:
        throw new Error(`unknown argument ${flag}`);
    }
  }
  return options;
}

const SMS_ATTACKS: AttackName[] = ["one-user-many-addresses", "many-users-one-address", "resends"];

function cap(result: AttackResult): string {
  switch (result.attack) {
    case "one-user-many-addresses":
      return `${LIMITS.smsPerUser} per user`;
    case "many-users-one-address":
      return `${LIMITS.smsPerIp} per IP`;
    default:
      return `${LIMITS.smsPerSession} per session, 1 per cooldown`;
  }
}

/** One table row: attack, K, latency, nodes, backend, evaluated vs limit, SMS vs cap, right answer accepted. */
function row(result: AttackResult): string {
  // Per-node claims hold each limit within limit × nodes; atomic claims (Redis) hold the limit itself.
  const bound =
    result.nodes === 1 || result.backend !== "in-memory" ? "" : ` (bound ${result.limit * result.nodes})`;
  const evaluated = result.evaluated === null ? "-" : `${result.evaluated} / ${result.limit}${bound}`;
  let sms = "-";
  if (SMS_ATTACKS.includes(result.attack)) {
    sms = `${result.sms} / ${cap(result)}${bound}`;
    if (result.attack === "resends") sms += `; per cooldown ${result.perRound.join(", ")}`;
  }
  // password_first: a wrong password must never cost an SMS, whatever the number of nodes.
  if (result.attack === "password-first-wrong-passwords") sms = `${result.sms} / 0 for wrong passwords`;
  if (result.attack === "password-first-right-among-many") sms = `${result.sms} / 1, the right password's`;
  const per = result.attack === "right-code-among-many" ? " in the worst session" : "";
  const k =
    result.attack === "right-code-among-many"
      ? `${result.k} × ${result.perRound.length} sessions`
      : String(result.k);
  const cells = [
    result.attack,
    k,
    `${result.latencyMs} ms`,
    String(result.nodes),
    result.backend,
    evaluated + (evaluated === "-" ? "" : per),
    sms,
    result.rightAccepted,
  ];
  return `| ${cells.join(" | ")} |`;
}

const HEADER = [
  "| attack | K | store latency | nodes | backend | evaluated / limit | SMS / cap | right answer accepted |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
];

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  if (options.render !== undefined) {
    console.log(HEADER.join("\n"));
    for (const text of readFileSync(options.render, "utf8").split("\n")) {
      if (text.trim() !== "") console.log(row(JSON.parse(text) as AttackResult));
    }
    return;
  }
  const world = await ParallelWorld.start(options.script, options.backend);
  const began = Date.now();
  // The figures depend on how busy the machine is (the parallel windows widen under load): say so beside them.
  const loadBefore = loadavg();
  try {
    if (!options.json) console.log(HEADER.join("\n"));
    for (const attack of options.attacks) {
      for (const nodes of options.nodes) {
        for (const k of options.k) {
          for (const latencyMs of options.latency) {
            const result = await runAttack(world, attack, {
              k,
              latencyMs,
              nodes,
              sessions: options.sessions,
            });
            console.log(options.json ? JSON.stringify(result) : row(result));
          }
        }
      }
    }
  } finally {
    await world.close();
  }
  if (!options.json) {
    const script = readFileSync(options.script ?? BUILT_SCRIPT);
    const digest = createHash("sha256").update(script).digest("hex");
    const load = (figures: number[]) => figures.map((figure) => figure.toFixed(1)).join(" ");
    console.log(
      `\n(measured in ${Math.round((Date.now() - began) / 1000)} s; script sha256 ${digest.slice(0, 8)}…;`,
    );
    console.log(
      ` load average (1, 5, 15 min) ${load(loadBefore)} at the start, ${load(loadavg())} at the end)`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
