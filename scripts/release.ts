// npm run release: the files a GitHub release carries, in release/, built from a clean, committed checkout: both scripts
// (their headers name the commit), each with its SHA-256 in sha256sum format, a Config API payload template for each
// (disabled until filled in), and gamatech-ropc-check.js (check-config in one file, for Node without a clone) with its
// SHA-256.
import * as fs from "fs";
import * as path from "path";
import { PROJECT_ROOT } from "../src/cli/project-files";
import { cleanCheckoutCommit, releaseFiles } from "../src/cli/release-files";

const RELEASE_DIR = path.join(PROJECT_ROOT, "release");

function release(): boolean {
  const checkout = cleanCheckoutCommit(PROJECT_ROOT);
  if (!checkout.ok) {
    process.stderr.write(`release: ${checkout.problem}; nothing released.\n`);
    return false;
  }
  const made = releaseFiles(checkout.commit);
  if ("problems" in made) {
    made.problems.forEach((problem) => process.stderr.write(`${problem}\n`));
    process.stderr.write(`release: ${made.problems.length} problem(s): nothing released.\n`);
    return false;
  }
  fs.mkdirSync(RELEASE_DIR, { recursive: true });
  for (const [name, content] of Object.entries(made.files)) {
    fs.writeFileSync(path.join(RELEASE_DIR, name), content);
    process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(RELEASE_DIR, name))}\n`);
  }
  return true;
}

process.exitCode = release() ? 0 : 1;
