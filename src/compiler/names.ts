// Python names for guest identifiers: keywords, builtins and the names the output itself defines are never used as-is;
// they take PEP 8's trailing underscore (`property_`).

import { PYTHON_BUILTINS, PYTHON_KEYWORDS } from "./python/reserved";

// Names the generated module defines or imports itself.
const OUTPUT_NAMES = ["json", "math", "re", "Throwable", "JsError", "JsObject"];

const RESERVED = new Set([...PYTHON_KEYWORDS, ...PYTHON_BUILTINS, ...OUTPUT_NAMES, "self"]);

/** A guest name as a Python name: reserved names gain a trailing underscore; `$` (legal in TS) becomes `_S`. */
export function pythonName(name: string): string {
  const cleaned = name.replace(/\$/g, "_S");
  // Leading `_js_`/`_INF`-style names belong to the helpers.
  if (
    RESERVED.has(cleaned) ||
    cleaned.startsWith("_js_") ||
    cleaned.startsWith("_JS_") ||
    cleaned === "_INF" ||
    cleaned === "_NAN"
  )
    return `${cleaned}_`;
  return cleaned;
}

/** A scope of Python names in use: the first holder of a name keeps it, later ones get `_2`, `_3`... */
export class NameScope {
  private readonly used = new Set<string>();

  constructor(private readonly parent?: NameScope) {}

  has(candidate: string): boolean {
    return this.used.has(candidate) || (this.parent?.has(candidate) ?? false);
  }

  /** Claims `name` (made Python-safe) or the first free numbered variant of it, also skipping what `avoid` rejects. */
  claim(name: string, avoid: (candidate: string) => boolean = () => false): string {
    const base = pythonName(name);
    let candidate = base;
    for (let n = 2; this.used.has(candidate) || avoid(candidate); n++) candidate = `${base}_${n}`;
    this.used.add(candidate);
    return candidate;
  }

  /** Whether an enclosing scope uses the name. */
  hasOutside(candidate: string): boolean {
    return this.parent?.has(candidate) ?? false;
  }
}
