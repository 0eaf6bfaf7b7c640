import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export interface ProgramOptions {
  /** The project root: diagnostics and the header name files relative to it. */
  root: string;
  /** The guest tsconfig; default `<root>/tsconfig.guest.json`. */
  tsconfig?: string;
  /** In-memory sources (paths relative to root). When given, the program holds only these files. */
  files?: Readonly<Record<string, string>>;
}

// TypeScript's lib files are parsed once per process: tests build many small programs.
const libraryFiles = new Map<string, ts.SourceFile>();

export function guestCompilerOptions(options: ProgramOptions): {
  compilerOptions: ts.CompilerOptions;
  fileNames: string[];
} {
  const configPath = options.tsconfig ?? path.join(options.root, "tsconfig.guest.json");
  const read = ts.readConfigFile(configPath, (p) => fs.readFileSync(p, "utf8"));
  if (read.error !== undefined) {
    throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath));
  return { compilerOptions: { ...parsed.options, noEmit: true }, fileNames: parsed.fileNames };
}

export function createGuestProgram(entryFiles: readonly string[], options: ProgramOptions): ts.Program {
  const { compilerOptions, fileNames } = guestCompilerOptions(options);
  const memory = new Map<string, string>();
  for (const [name, text] of Object.entries(options.files ?? {}))
    memory.set(path.resolve(options.root, name), text);
  const host = ts.createCompilerHost(compilerOptions);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = memory.get(path.resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    const isLibrary = fileName.includes(`${path.sep}typescript${path.sep}lib${path.sep}`);
    const cached = isLibrary ? libraryFiles.get(fileName) : undefined;
    if (cached !== undefined) return cached;
    const sourceFile = readFromDisk(fileName, languageVersion, onError, shouldCreate);
    if (isLibrary && sourceFile !== undefined) libraryFiles.set(fileName, sourceFile);
    return sourceFile;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => memory.has(path.resolve(fileName)) || fileExists(fileName);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (directory) => {
    const prefix = path.resolve(directory) + path.sep;
    return (
      [...memory.keys()].some((file) => file.startsWith(prefix)) || (directoryExists?.(directory) ?? true)
    );
  };
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => memory.get(path.resolve(fileName)) ?? readFile(fileName);
  const roots = options.files === undefined ? [...fileNames] : [...memory.keys()];
  for (const entry of entryFiles) {
    const absolute = path.resolve(options.root, entry);
    if (!roots.includes(absolute)) roots.push(absolute);
  }
  return ts.createProgram(roots, compilerOptions, host);
}
