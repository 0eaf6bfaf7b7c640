import * as path from "path";
import * as ts from "typescript";
import { commentStatements, fileEndComments, fileHeader } from "./comments";
import { Code, relativeFile } from "./diagnostics";
import { type Context, isDeclared } from "./context";
import { hoistFunctions } from "./hoisting";
import { checkOptionalImportIsTested, type JavaImport, optionalModuleNote } from "./java-imports";
import { pythonName } from "./names";
import * as py from "./python/ast";

export type { JavaImport };

/** The guest modules reachable from the entries, dependencies first (Janssen loads one script, so all are bundled). */
export function orderModules(entries: readonly ts.SourceFile[], checker: ts.TypeChecker): ts.SourceFile[] {
  const ordered: ts.SourceFile[] = [];
  const seen = new Set<ts.SourceFile>();
  const visit = (file: ts.SourceFile): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dependency of dependencies(file, checker)) visit(dependency);
    ordered.push(file);
  };
  entries.forEach(visit);
  return ordered;
}

function dependencies(file: ts.SourceFile, checker: ts.TypeChecker): ts.SourceFile[] {
  const found: ts.SourceFile[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith("."))
      continue;
    if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly === true) continue;
    if (ts.isExportDeclaration(statement) && statement.isTypeOnly) continue;
    const target = checker.getSymbolAtLocation(specifier)?.valueDeclaration;
    if (target !== undefined && ts.isSourceFile(target) && !target.isDeclarationFile) found.push(target);
  }
  return found;
}

/**
 * Claims the module-level Python names: Java imports first, then every module's top-level declarations. A name that
 * more than one module declares (or that a Java import holds) is prefixed with its module's name in every module that
 * declares it, `phone.ts`'s `isDigitCode` becoming `phone_isDigitCode`: the name says where it comes from and does not
 * depend on the order the modules are bundled in. Answers each module's Java imports (one object per class, shared by
 * the modules that import it), so that a script bundling some of the modules imports what those use.
 */
export function nameModuleLevel(
  modules: readonly ts.SourceFile[],
  context: Context,
): Map<ts.SourceFile, JavaImport[]> {
  const importsOf = new Map<ts.SourceFile, JavaImport[]>();
  const byKey = new Map<string, JavaImport>();
  for (const file of modules) {
    const javaImports: JavaImport[] = [];
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement)) collectImport(statement, context, byKey, javaImports);
    }
    importsOf.set(file, javaImports);
  }
  const holders = new Map<string, Set<ts.SourceFile>>();
  for (const file of modules) {
    for (const statement of file.statements) {
      for (const nameNode of declaredNames(statement)) {
        const key = pythonName(nameNode.text);
        holders.set(key, (holders.get(key) ?? new Set()).add(file));
      }
    }
  }
  for (const file of modules) {
    for (const statement of file.statements) {
      checkTopLevel(statement, context);
      for (const nameNode of declaredNames(statement)) {
        const key = pythonName(nameNode.text);
        const shared = (holders.get(key)?.size ?? 0) > 1 || context.moduleNames.has(key);
        const symbol = context.checker.getSymbolAtLocation(nameNode);
        const claimed = context.moduleNames.claim(
          shared ? `${moduleTag(file)}_${nameNode.text}` : nameNode.text,
        );
        if (symbol !== undefined) context.setName(symbol, claimed);
      }
    }
  }
  return importsOf;
}

/** `step-code.ts` as `step_code`; an `index.ts` by its folder's name. */
function moduleTag(file: ts.SourceFile): string {
  const base = path.basename(file.fileName).replace(/\.tsx?$/, "");
  const named = base === "index" ? path.basename(path.dirname(file.fileName)) : base;
  return named.replace(/[^A-Za-z0-9_]/g, "_");
}

function collectImport(
  statement: ts.ImportDeclaration,
  context: Context,
  byKey: Map<string, JavaImport>,
  javaImports: JavaImport[],
): void {
  const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
  const clause = statement.importClause;
  if (clause === undefined || clause.isTypeOnly) return;
  if (specifier.startsWith(".") || specifier.startsWith("java:")) {
    if (
      clause.name !== undefined ||
      (clause.namedBindings !== undefined && ts.isNamespaceImport(clause.namedBindings))
    ) {
      context.report(
        statement,
        Code.UnsupportedImport,
        'Only named imports are supported: `import { a, b } from "./m"`.',
      );
      return;
    }
  }
  const elements =
    clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings)
      ? clause.namedBindings.elements
      : [];
  const valueElements = elements.filter((e) => !e.isTypeOnly);
  const importsValues =
    valueElements.length > 0 ||
    clause.name !== undefined ||
    clause.namedBindings?.kind === ts.SyntaxKind.NamespaceImport;
  if (specifier.startsWith(".") || !importsValues) return;
  if (!specifier.startsWith("java:")) {
    context.report(
      statement,
      Code.UnsupportedImport,
      `Only guest modules and "java:<package>" modules can be imported; import types from '${specifier}' with \`import type\`.`,
    );
    return;
  }
  const packageName = specifier.slice("java:".length);
  const { note, emptyTag } = optionalModuleNote(statement.moduleSpecifier as ts.StringLiteral, context);
  if (emptyTag !== undefined) {
    context.report(
      statement,
      Code.UntestedOptionalImport,
      `The @optional tag of "java:${packageName}" must say which versions have the package, e.g. \`@optional twilio-java 7.37.0 and later\`.`,
    );
  }
  for (const element of valueElements) {
    if (note !== undefined) checkOptionalImportIsTested(element, note, context);
    const className = (element.propertyName ?? element.name).text;
    const key = `${packageName}.${className}`;
    let javaImport = byKey.get(key);
    if (javaImport === undefined) {
      // A class renamed with `as` keeps the guest's name in Python: `from java.lang import String as JavaString`.
      const pythonName = context.moduleNames.claim(element.name.text);
      javaImport = { packageName, className, pythonName, optional: note };
      byKey.set(key, javaImport);
    }
    if (!javaImports.includes(javaImport)) javaImports.push(javaImport);
    const local = context.checker.getSymbolAtLocation(element.name);
    if (local !== undefined) context.setName(context.checker.getAliasedSymbol(local), javaImport.pythonName);
  }
}

function declaredNames(statement: ts.Statement): ts.Identifier[] {
  if (ts.isFunctionDeclaration(statement) && statement.name !== undefined && statement.body !== undefined) {
    return [statement.name];
  }
  if (ts.isClassDeclaration(statement) && statement.name !== undefined) return [statement.name];
  if (ts.isVariableStatement(statement) && !isDeclared(statement)) {
    return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name] : []));
  }
  return [];
}

// Module top level: declarations and constants only. Anything else would run at import time inside Janssen.
function checkTopLevel(statement: ts.Statement, context: Context): void {
  const allowed =
    ts.isImportDeclaration(statement) ||
    ts.isExportDeclaration(statement) ||
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEmptyStatement(statement) ||
    isAmbientModule(statement) ||
    (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.Const) !== 0);
  if (!allowed) {
    context.report(
      statement,
      Code.TopLevelStatement,
      "Only imports, exports, functions, classes, types and `const` declarations are allowed at module level.",
    );
  }
}

/**
 * The Python statements of one module under its `# src/...` banner and header comment, with PEP 8 spacing: two blank
 * lines around functions and classes. Each module-level definition notes the source line it comes from.
 */
export function compileModule(file: ts.SourceFile, context: Context): py.Stmt[] {
  const banner: py.Stmt = { kind: "comment", text: relativeFile(file.fileName, context.root) };
  const header = fileHeader(file, context.comments);
  const compiled: py.Stmt[][] = [];
  for (const statement of hoistFunctions(file.statements, context.checker)) {
    if (isAmbientModule(statement)) continue; // `declare module "..."` blocks are types only
    const statements = context.visitStatement(statement);
    if (statements.length > 0) compiled.push(statements.map((s) => withSourceNote(s, context)));
  }
  const out: py.Stmt[] = [banner, ...commentStatements(header)];
  compiled.forEach((group, index) => {
    const previous = compiled[index - 1];
    const body = group[0]?.kind === "blank" ? group.slice(1) : group;
    if (isDefinition(body) || (previous !== undefined && isDefinition([...previous].reverse()))) {
      out.push({ kind: "blank" }, { kind: "blank" });
    } else if (body !== group || (index === 0 && header.length > 0)) out.push({ kind: "blank" });
    out.push(...body);
  });
  const end = fileEndComments(file, context.comments);
  if (end.length > 0) out.push({ kind: "blank" }, ...commentStatements(end));
  return out;
}

/** Whether the first statement other than comments is a def or class. */
function isDefinition(group: readonly py.Stmt[]): boolean {
  const first = group.find((s) => s.kind !== "comment");
  return first?.kind === "def" || first?.kind === "class";
}

/** `def f(x):  # src/flow/m.ts:12`: a module-level definition names its source line (after any comment of its own). */
function withSourceNote(statement: py.Stmt, context: Context): py.Stmt {
  const defines =
    statement.kind === "def" ||
    statement.kind === "class" ||
    (statement.kind === "assign" && statement.target.kind === "name");
  if (!defines || statement.loc === undefined) return statement;
  const where = `${relativeFile(statement.loc.file, context.root)}:${statement.loc.line}`;
  return { ...statement, note: statement.note === undefined ? where : `${statement.note} (${where})` };
}

function isAmbientModule(statement: ts.Statement): boolean {
  return ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name);
}
