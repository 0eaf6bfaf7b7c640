// A guest program N times the size of the flow: N copies of src/flow, each in its own folder, and one entry module that
// imports every copy's decideRequest. The copies are the real flow, so the compiler meets real code at every size, and
// the bundle must number N same-named declarations per module name, as a large project would make it do.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface ScaledProgram {
  root: string;
  entry: string;
  copies: number;
  sourceLines: number;
  sourceBytes: number;
}

const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
const FLOW = path.join(PROJECT_ROOT, "src", "flow");

export function makeScaledProgram(copies: number): ScaledProgram {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `gamatech-bench-${copies}x-`));
  const src = path.join(root, "src");
  fs.mkdirSync(src);
  let sourceLines = 0;
  let sourceBytes = 0;
  const imports: string[] = [];
  const names: string[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    const folder = path.join(src, `flow${copy}`);
    fs.mkdirSync(folder, { recursive: true });
    for (const file of fs.readdirSync(FLOW).filter((name) => name.endsWith(".ts"))) {
      const text = fs.readFileSync(path.join(FLOW, file), "utf8");
      fs.writeFileSync(path.join(folder, file), text);
      sourceLines += text.split("\n").length;
      sourceBytes += Buffer.byteLength(text);
    }
    imports.push(`import { decideRequest as decideRequest${copy} } from "./flow${copy}/index";`);
    names.push(`decideRequest${copy}`);
  }
  // With no copy, the entry alone measures what every compile pays whatever the program's size.
  const handlers =
    names.length === 0
      ? "export const HANDLERS: number[] = [];"
      : `export const HANDLERS = [${names.join(", ")}];`;
  const entry = `${imports.join("\n")}\n\n${handlers}\n`;
  fs.writeFileSync(path.join(src, "main.ts"), entry);
  sourceLines += entry.split("\n").length;
  sourceBytes += Buffer.byteLength(entry);
  fs.writeFileSync(path.join(root, "tsconfig.guest.json"), JSON.stringify(guestTsconfig(), null, 2));
  // The flow's ports import Twilio's types from the package; the copies resolve them through the project's modules.
  fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return { root, entry: "src/main.ts", copies, sourceLines, sourceBytes };
}

export function removeScaledProgram(program: ScaledProgram): void {
  fs.rmSync(program.root, { recursive: true, force: true });
}

/** The project's guest options, over the generated sources. */
function guestTsconfig(): object {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, "tsconfig.guest.json"), "utf8");
  const config = JSON.parse(text) as { compilerOptions: object };
  return { compilerOptions: config.compilerOptions, include: ["src/**/*.ts"] };
}
