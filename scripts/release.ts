// npm run release: a fresh build (dist/GamatechRopc.py, as committed) and the files a GitHub release carries, in release/:
// the script, its SHA-256 in sha256sum format, and a Config API payload template (disabled until filled in).
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { buildScript } from "../src/cli/build-script";
import { templatePayload } from "../src/cli/payload";
import { packageVersion, PROJECT_ROOT, SCRIPT_FILE_NAME } from "../src/cli/project-files";

const RELEASE_DIR = path.join(PROJECT_ROOT, "release");

function release(): boolean {
  const built = buildScript();
  for (const diagnostic of built.diagnostics) {
    process.stderr.write(`${diagnostic}\n`);
  }
  if (!built.ok) {
    process.stderr.write(`${built.diagnostics.length} error(s): nothing released.\n`);
    return false;
  }
  fs.mkdirSync(RELEASE_DIR, { recursive: true });
  const digest = createHash("sha256").update(built.python, "utf8").digest("hex");
  // Empty required properties: created disabled, with a note saying what to fill in (see config-api-payload).
  const payload = templatePayload(built.python, packageVersion());
  const files: Record<string, string> = {
    [SCRIPT_FILE_NAME]: built.python,
    [`${SCRIPT_FILE_NAME}.sha256`]: `${digest}  ${SCRIPT_FILE_NAME}\n`,
    "config-api-payload.json": JSON.stringify(payload, null, 2) + "\n",
  };
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(RELEASE_DIR, name), content);
    process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(RELEASE_DIR, name))}\n`);
  }
  return true;
}

process.exitCode = release() ? 0 : 1;
