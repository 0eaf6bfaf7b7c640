import * as ts from "typescript";
import type { Context } from "./context";
import { Code } from "./diagnostics";

// Java classes a guest imports from `java:<package>` modules. Most are imported at module level like any Python import.
// A module whose `declare module "java:..."` carries the JSDoc tag `@optional <which versions have it>` may be absent from
// the jars a server has (twilio-java's Verify package before 7.37.0, Apache HttpClient 4 next to twilio-java 12): its
// classes are imported in a `try` and are None where the import fails, so the script still loads. The guest file that
// imports such a class must compare it with null before using it; the compiler checks that it does (GR1032).

export interface JavaImport {
  packageName: string;
  className: string;
  pythonName: string;
  /** The `@optional` tag's text (which versions have the package), or undefined for a required import. */
  optional?: string;
}

const OPTIONAL_TAG = "optional";

/** The text of the `@optional` tag of the `declare module "java:<package>"` that `specifier` resolves to, if any. */
export function optionalModuleNote(
  specifier: ts.StringLiteral,
  context: Context,
): { note: string | undefined; emptyTag: ts.Node | undefined } {
  const declarations = context.checker.getSymbolAtLocation(specifier)?.getDeclarations() ?? [];
  for (const declaration of declarations) {
    for (const tag of ts.getJSDocTags(declaration)) {
      if (tag.tagName.text !== OPTIONAL_TAG) continue;
      const note = ts.getTextOfJSDocComment(tag.comment)?.trim() ?? "";
      return note === "" ? { note: undefined, emptyTag: tag } : { note, emptyTag: undefined };
    }
  }
  return { note: undefined, emptyTag: undefined };
}

/**
 * GR1032: every value imported from an optional Java module must be compared with null (`X !== null`, `X === null`)
 * somewhere in the importing file, so that the code using it can be reached only where the class exists.
 */
export function checkOptionalImportIsTested(
  element: ts.ImportSpecifier,
  note: string,
  context: Context,
): void {
  const local = context.checker.getSymbolAtLocation(element.name);
  if (local === undefined) return;
  const file = element.getSourceFile();
  let tested = false;
  const visit = (node: ts.Node): void => {
    if (tested) return;
    if (ts.isBinaryExpression(node) && isNullComparison(node, local, context)) {
      tested = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!tested) {
    const name = element.name.text;
    context.report(
      element,
      Code.UntestedOptionalImport,
      `'${name}' comes from an optional Java module (${note}): it is None where the server's jars lack it. ` +
        `Check \`${name} !== null\` in this file before using it (e.g. in a function that init calls), ` +
        "or remove the @optional tag if every supported version has it.",
    );
  }
}

function isNullComparison(node: ts.BinaryExpression, symbol: ts.Symbol, context: Context): boolean {
  const operator = node.operatorToken.kind;
  if (
    operator !== ts.SyntaxKind.EqualsEqualsEqualsToken &&
    operator !== ts.SyntaxKind.ExclamationEqualsEqualsToken
  ) {
    return false;
  }
  const isSymbol = (side: ts.Expression): boolean =>
    ts.isIdentifier(side) && context.checker.getSymbolAtLocation(side) === symbol;
  const isNull = (side: ts.Expression): boolean =>
    side.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(side) && side.text === "undefined");
  return (isSymbol(node.left) && isNull(node.right)) || (isSymbol(node.right) && isNull(node.left));
}

/**
 * The import lines: required packages as plain `from p import A, B` lines sorted by package, then the optional packages,
 * grouped by their `@optional` text (one library), each group in one `try` that binds all its names to None when an
 * import fails, under a comment saying which versions have it.
 */
export function javaImportLines(javaImports: readonly JavaImport[]): string[] {
  const byPackage = new Map<string, JavaImport[]>();
  for (const j of javaImports) byPackage.set(j.packageName, [...(byPackage.get(j.packageName) ?? []), j]);
  const importText = (j: JavaImport): string =>
    j.pythonName === j.className ? j.className : `${j.className} as ${j.pythonName}`;
  const fromLine = (packageName: string): string =>
    `from ${packageName} import ${(byPackage.get(packageName) ?? []).map(importText).sort().join(", ")}`;
  const required: string[] = [];
  const groups = new Map<string, string[]>();
  for (const packageName of [...byPackage.keys()].sort()) {
    const note = byPackage.get(packageName)?.find((j) => j.optional !== undefined)?.optional;
    if (note === undefined) required.push(fromLine(packageName));
    else groups.set(note, [...(groups.get(note) ?? []), packageName]);
  }
  const optional: string[] = [];
  for (const note of [...groups.keys()].sort()) {
    const packages = groups.get(note) ?? [];
    const names = packages.flatMap((p) => (byPackage.get(p) ?? []).map((j) => j.pythonName)).sort();
    optional.push(
      "",
      `# Optional: ${note}.`,
      `# Where the server's jars lack ${packages.length === 1 ? "it" : "them"}, these names are None; the script checks them before use.`,
      "try:",
      ...packages.map((p) => `    ${fromLine(p)}`),
      "except ImportError:",
      ...names.map((pythonName) => `    ${pythonName} = None`),
    );
  }
  return [...(required.length > 0 ? ["", ...required] : []), ...optional];
}
