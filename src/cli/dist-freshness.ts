// Whether a script in dist/ is what the sources build today. File times say nothing in a fresh clone (git sets them all
// to the checkout's time), so the script is compared with a fresh build in memory: the check CI makes
// (test/host/dist-fresh.test.ts). A fresh result is remembered under a hash of everything the build reads and of dist/
// itself (the build is deterministic), so only the first run after a change pays for the build. That build makes both
// scripts from one program, and remembers the other script's verdict too.

import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { ScriptKind } from "./build-script";
import { PROJECT_ROOT } from "./project-files";

const CACHE_DIR = path.join(PROJECT_ROOT, "node_modules", ".cache", "gamatech-ropc-dist-fresh");
/** What a build reads: the guest code, the compiler, the CLI that drives it, their settings and the compiler's version. */
const INPUT_DIRECTORIES = ["src"];
const INPUT_FILES = [
  "package.json",
  "tsconfig.guest.json",
  path.join("node_modules", "typescript", "package.json"),
];

function filesUnder(directory: string): string[] {
  const found: string[] = [];
  const entries = fs.readdirSync(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      found.push(...filesUnder(full));
    } else if (entry.isFile()) {
      found.push(full);
    }
  }
  return found;
}

function inputsDigest(script: string, kind: ScriptKind): string {
  // The kind too: one kind's fresh script copied over the other's file must not be remembered as fresh.
  const hash = createHash("sha256").update(kind).update("\0");
  const files = [
    ...INPUT_DIRECTORIES.flatMap((directory) => filesUnder(path.join(PROJECT_ROOT, directory))),
    ...INPUT_FILES.map((file) => path.join(PROJECT_ROOT, file)),
  ];
  for (const file of files) {
    hash.update(path.relative(PROJECT_ROOT, file)).update("\0");
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0)).update("\0");
  }
  return hash.update(script).digest("hex");
}

type Verdict = "fresh" | "stale";

function remembered(marker: string): Verdict | null {
  try {
    const text = fs.readFileSync(marker, "utf8");
    return text === "fresh" || text === "stale" ? text : null;
  } catch {
    return null;
  }
}

function remember(marker: string, verdict: Verdict): void {
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // Written under a unique name, then renamed: a concurrent run never reads half a verdict.
    const temporary = `${marker}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, verdict);
    fs.renameSync(temporary, marker);
  } catch {
    // A read-only checkout: the next run builds again.
  }
}

/**
 * null when `script` (the text of the `kind` script in dist/) equals a fresh build of the sources; otherwise what is
 * wrong and how to fix it.
 */
export function staleScriptProblem(script: string, shownName: string, kind: ScriptKind): string | null {
  const marker = path.join(CACHE_DIR, inputsDigest(script, kind));
  const stale = (): string =>
    `${shownName} is older than the sources in src/ (a fresh build differs from it): run \`npm run build\`, ` +
    "then this command again";
  const known = remembered(marker);
  if (known !== null) {
    return known === "fresh" ? null : stale();
  }
  // Loaded only here: the compiler takes a while to load, and only this check and `build` need it.
  const { compileScripts, SCRIPT_TARGETS } = require("./build-script") as typeof import("./build-script");
  const kinds = Object.keys(SCRIPT_TARGETS) as ScriptKind[];
  const builds = compileScripts(kinds);
  kinds.forEach((other, index) => {
    const file = path.join(PROJECT_ROOT, "dist", SCRIPT_TARGETS[other].fileName);
    const build = builds[index];
    if (other === kind || build === undefined || build.diagnostics.length > 0 || !fs.existsSync(file)) return;
    const text = fs.readFileSync(file, "utf8");
    remember(path.join(CACHE_DIR, inputsDigest(text, other)), build.python === text ? "fresh" : "stale");
  });
  const fresh = builds[kinds.indexOf(kind)] as { python: string; diagnostics: string[] };
  if (fresh.diagnostics.length > 0) {
    return (
      `the sources in src/ do not build (${fresh.diagnostics.length} error(s)), so ${shownName} cannot be checked ` +
      "against them: run `npm run build` to see the errors"
    );
  }
  const verdict: Verdict = fresh.python === script ? "fresh" : "stale";
  remember(marker, verdict);
  return verdict === "fresh" ? null : stale();
}
