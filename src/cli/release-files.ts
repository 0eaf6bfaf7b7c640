// What a GitHub release carries, made only from a clean, committed checkout whose dist/ is what its sources build, so the
// commit named in each released script's header is the commit whose dist/ an administrator can compare it with.

import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import { compileScripts, withSourceCommit } from "./build-script";
import type { CompiledScript } from "./build-script";
import { CHECK_BUNDLE_NAME, checkBundle } from "./cli-bundle";
import { templatePayload } from "./payload";
import { builtScriptPath, packageVersion } from "./project-files";
import { SCRIPT_TYPES } from "./script-type";
import type { ScriptType } from "./script-type";

export type ReleaseCheck = { ok: true; commit: string } | { ok: false; problem: string };

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
}

/** The checkout's commit when `root` is a git work tree with nothing changed, untracked or staged; otherwise why not. */
export function cleanCheckoutCommit(root: string): ReleaseCheck {
  const inside = git(root, ["rev-parse", "--show-toplevel"]);
  if (inside === null || fs.realpathSync(inside.trim()) !== fs.realpathSync(root)) {
    return {
      ok: false,
      problem: `${root} is not the top of a git checkout: release from a clone of the repository`,
    };
  }
  const changes = git(root, ["status", "--porcelain"]);
  if (changes === null || changes.trim() !== "") {
    return {
      ok: false,
      problem:
        "the checkout has uncommitted or untracked changes: commit them (with a fresh dist/, npm run build) or " +
        "remove them, so that the released script's commit is the one it was built from",
    };
  }
  const commit = (git(root, ["rev-parse", "--verify", "HEAD"]) ?? "").trim();
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) {
    return { ok: false, problem: "the checkout has no commit yet" };
  }
  return { ok: true, commit };
}

function sha256Line(content: string, name: string): string {
  return `${createHash("sha256").update(content, "utf8").digest("hex")}  ${name}\n`;
}

/** Where each script's create template goes: the ROPC one keeps the name it had before the challenge script existed. */
const TEMPLATE_FILE_NAMES: Record<ScriptType, string> = {
  resource_owner_password_credentials: "config-api-payload.json",
  authorization_challenge: "config-api-payload-authz-challenge.json",
};

/**
 * The release's files by name, or the build's diagnostics. Refuses when the committed dist/ is not what the sources build:
 * the release would then name a commit whose dist/ differs from the released scripts in more than the commit line.
 */
export function releaseFiles(commit: string): { files: Record<string, string> } | { problems: string[] } {
  const version = packageVersion();
  const files: Record<string, string> = {};
  const problems: string[] = [];
  // Both scripts from one program: the flow they share is checked once.
  const committedScripts = compileScripts(SCRIPT_TYPES.map((type) => type.kind));
  for (const [index, type] of SCRIPT_TYPES.entries()) {
    const committed = committedScripts[index] as CompiledScript;
    if (committed.diagnostics.length > 0) {
      // Most diagnostics come from the flow both scripts compile: the first script's are enough to act on.
      return { problems: committed.diagnostics };
    }
    const built = builtScriptPath(type.fileName);
    if (!fs.existsSync(built) || fs.readFileSync(built, "utf8") !== committed.python) {
      problems.push(`dist/${type.fileName} is not what the sources build: run npm run build and commit it`);
      continue;
    }
    const released = withSourceCommit(committed.python, commit);
    files[type.fileName] = released;
    files[`${type.fileName}.sha256`] = sha256Line(released, type.fileName);
    // Empty required properties: created disabled, with a note saying what to fill in (see config-api-payload).
    files[TEMPLATE_FILE_NAMES[type.type]] =
      JSON.stringify(templatePayload(released, version, type), null, 2) + "\n";
  }
  if (problems.length > 0) return { problems };
  const bundle = checkBundle(version, `Source commit: ${commit}`);
  files[CHECK_BUNDLE_NAME] = bundle;
  files[`${CHECK_BUNDLE_NAME}.sha256`] = sha256Line(bundle, CHECK_BUNDLE_NAME);
  return { files };
}
