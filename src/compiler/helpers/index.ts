import { NUMBER_HELPERS } from "./numbers";
import { OBJECT_HELPERS } from "./objects";
import { TEXT_HELPERS } from "./text";
import { VALUE_HELPERS } from "./values";

// Runtime helpers: small Python functions for the JavaScript semantics Python lacks. Only the helpers a program uses (and
// the helpers those use) are emitted, always in the order of this list, so the output is deterministic.

export type StandardImport = "json" | "math" | "re" | "Throwable";

export interface Helper {
  name: string;
  uses: string[];
  imports: StandardImport[];
  code: string;
}

const HELPERS: Helper[] = [...NUMBER_HELPERS, ...TEXT_HELPERS, ...VALUE_HELPERS, ...OBJECT_HELPERS];

/** Every helper's name, in emission order (the docs name some of them; a test checks that they exist). */
export const HELPER_NAMES: readonly string[] = HELPERS.map((h) => h.name);

/** The helpers to emit for the names a program used, with their dependencies, in the fixed order above. */
export function resolveHelpers(used: ReadonlySet<string>): { code: string[]; imports: Set<StandardImport> } {
  const needed = new Set<string>();
  const visit = (helperName: string): void => {
    if (needed.has(helperName)) return;
    needed.add(helperName);
    const helper = HELPERS.find((h) => h.name === helperName);
    if (helper === undefined) throw new Error(`unknown helper ${helperName}`);
    helper.uses.forEach(visit);
  };
  used.forEach(visit);
  const imports = new Set<StandardImport>();
  const code: string[] = [];
  for (const helper of HELPERS) {
    if (!needed.has(helper.name)) continue;
    helper.imports.forEach((i) => imports.add(i));
    code.push(helper.code);
  }
  return { code, imports };
}
