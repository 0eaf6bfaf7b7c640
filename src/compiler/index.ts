import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { orderModules, nameModuleLevel, compileModule, type JavaImport } from "./bundle";
import { Context } from "./context";
import {
  Code,
  type CompilerDiagnostic,
  formatDiagnostic,
  fromTypeScript,
  relativeFile,
  sortDiagnostics,
} from "./diagnostics";
import { resolveHelpers, type StandardImport } from "./helpers";
import { javaImportLines } from "./java-imports";
import { printStatements } from "./python/printer";
import { createGuestProgram, type ProgramOptions } from "./program";
import { precheck } from "./precheck";
import { registry } from "./visitors/registry";

export { formatDiagnostic, type CompilerDiagnostic };

export interface CompileOptions {
  /** The project root (default: the current directory). */
  root?: string;
  /** The guest tsconfig (default: `<root>/tsconfig.guest.json`). */
  tsconfig?: string;
  /** In-memory sources, paths relative to root: the program then holds only these files (tests). */
  files?: Readonly<Record<string, string>>;
  /** Extra text for the header comment, e.g. the table of custom properties. One comment line per text line. */
  header?: string;
}

export interface CompileResult {
  python: string;
  diagnostics: CompilerDiagnostic[];
}

/** Compiles guest entry files (and every guest module they import) into one Jython 2.7 module. */
export function compile(entryFiles: readonly string[], options: CompileOptions = {}): CompileResult {
  const programOptions: ProgramOptions = {
    root: path.resolve(options.root ?? "."),
    tsconfig: options.tsconfig,
    files: options.files,
  };
  const program = createGuestProgram(entryFiles, programOptions);
  return compileProgram(program, entryFiles, options);
}

/** Compiles entries of an existing program: tests compile many small entries out of one program. */
export function compileProgram(
  program: ts.Program,
  entryFiles: readonly string[],
  options: CompileOptions = {},
): CompileResult {
  return compileBundles(
    program,
    [{ entries: entryFiles, header: options.header }],
    options,
  )[0] as CompileResult;
}

/** One Python module to build: its entry files (each with the guest modules it imports) and its header text. */
export interface Bundle {
  entries: readonly string[];
  header?: string;
}

/** What compiling one guest module gave, kept apart so that each bundle holding the module takes only its own needs. */
interface CompiledModule {
  body: ReturnType<typeof compileModule>;
  helpers: Set<string>;
  imports: Set<StandardImport>;
  diagnostics: CompilerDiagnostic[];
}

/**
 * Several bundles out of one program, each guest module checked and compiled once whichever bundles hold it: the two
 * scripts share the whole flow. Module-level names are claimed over all the bundles' modules together, so a module reads
 * the same in every bundle.
 */
export function compileBundles(
  program: ts.Program,
  bundles: readonly Bundle[],
  options: Pick<CompileOptions, "root"> = {},
): CompileResult[] {
  const root = path.resolve(options.root ?? ".");
  const checker = program.getTypeChecker();
  const context = new Context(checker, root, registry);
  const missing = bundles.map(() => [] as CompilerDiagnostic[]);
  const bundleModules = bundles.map((bundle, index) => {
    const entries: ts.SourceFile[] = [];
    for (const entry of bundle.entries) {
      const sourceFile = program.getSourceFile(path.resolve(root, entry));
      if (sourceFile !== undefined) entries.push(sourceFile);
      else missing[index]?.push(entryNotFound(entry));
    }
    return orderModules(entries, checker);
  });
  const modules = [...new Set(bundleModules.flat())];
  const compiled = new Map<ts.SourceFile, CompiledModule>();
  const typeErrors = new Map<ts.SourceFile, CompilerDiagnostic[]>();
  for (const file of modules) {
    const errors = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    typeErrors.set(
      file,
      errors.map((d) => fromTypeScript(d, root)),
    );
    precheck(file, context);
  }
  const javaImports = nameModuleLevel(modules, context);
  const early = context.diagnostics.splice(0);
  for (const file of modules) {
    context.helpers.clear();
    context.imports.clear();
    const body = compileModule(file, context);
    compiled.set(file, {
      body,
      helpers: new Set(context.helpers),
      imports: new Set(context.imports),
      diagnostics: context.diagnostics.splice(0),
    });
  }
  return bundles.map((bundle, index) => {
    const own = bundleModules[index] ?? [];
    const parts = own.map((file) => compiled.get(file) as CompiledModule);
    const files = new Set(own.map((file) => relativeFile(file.fileName, root)));
    const diagnostics = [
      ...(missing[index] ?? []),
      ...own.flatMap((file) => typeErrors.get(file) ?? []),
      ...early.filter((d) => files.has(d.file)),
      ...parts.flatMap((part) => part.diagnostics),
    ];
    const body = parts.flatMap((part) => [
      { kind: "blank" } as const,
      { kind: "blank" } as const,
      ...part.body,
    ]);
    const needs = {
      helpers: new Set(parts.flatMap((part) => [...part.helpers])),
      imports: new Set(parts.flatMap((part) => [...part.imports])),
      javaImports: [...new Set(own.flatMap((file) => javaImports.get(file) ?? []))],
    };
    const python = assemble(own, root, body, needs, bundle.header);
    return { python, diagnostics: deduplicate(sortDiagnostics(diagnostics)) };
  });
}

function entryNotFound(entry: string): CompilerDiagnostic {
  return {
    code: Code.EntryNotFound,
    file: entry,
    line: 0,
    column: 0,
    message: `Entry file not found: ${entry}`,
  };
}

/** What a bundle's modules use: helpers, standard modules and Java classes, each imported or defined once at the top. */
interface BundleNeeds {
  helpers: ReadonlySet<string>;
  imports: ReadonlySet<StandardImport>;
  javaImports: readonly JavaImport[];
}

function assemble(
  modules: readonly ts.SourceFile[],
  root: string,
  body: ReturnType<typeof compileModule>,
  needs: BundleNeeds,
  header: string | undefined,
): string {
  const helpers = resolveHelpers(needs.helpers);
  const imports = new Set<StandardImport>([...needs.imports, ...helpers.imports]);
  const javaImports = needs.javaImports;
  const lines = [
    "# -*- coding: utf-8 -*-",
    `# Generated by the gamatech-ropc compiler ${compilerVersion()} from:`,
    ...modules.map((m) => `#   ${relativeFile(m.fileName, root)}`),
    "# Do not edit: change the TypeScript sources and rebuild.",
    ...(header === undefined
      ? []
      : ["#", ...header.split("\n").map((line) => (line === "" ? "#" : `# ${line}`))]),
    // Literals are unicode like Java strings, `/` divides like JavaScript (the _js_div helper handles the rest), and
    // print is the function a guest may declare and call, not a statement.
    "from __future__ import division, print_function, unicode_literals",
    ...importLines(imports, javaImports),
    ...helpers.code.flatMap((code) => ["", "", code]),
    ...printStatements(body),
  ];
  // At most two blank lines in a row (PEP 8), one newline at the end.
  return lines
    .join("\n")
    .replace(/\n{4,}/g, "\n\n\n")
    .replace(/\n*$/, "\n");
}

function importLines(imports: ReadonlySet<StandardImport>, javaImports: readonly JavaImport[]): string[] {
  const standard = (["json", "math", "re"] as const).filter((m) => imports.has(m)).map((m) => `import ${m}`);
  const java = [...javaImports];
  if (
    imports.has("Throwable") &&
    !java.some((j) => j.packageName === "java.lang" && j.pythonName === "Throwable")
  ) {
    java.push({ packageName: "java.lang", className: "Throwable", pythonName: "Throwable" });
  }
  return [...(standard.length > 0 ? ["", ...standard] : []), ...javaImportLines(java)];
}

function compilerVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

function deduplicate(diagnostics: CompilerDiagnostic[]): CompilerDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
