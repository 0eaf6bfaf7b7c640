import * as path from "path";
import * as ts from "typescript";

export interface CompilerDiagnostic {
  /** "GR1004" for the compiler's own diagnostics, "TS2322" for the type checker's. */
  code: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Stable codes: documented in docs/guest-subset.md, asserted by test/compiler/diagnostics.test.ts. Never renumber. */
export const Code = {
  EntryNotFound: "GR1000",
  UnsupportedSyntax: "GR1001",
  Var: "GR1002",
  LooseEquality: "GR1003",
  Any: "GR1004",
  Async: "GR1005",
  Generator: "GR1006",
  ForIn: "GR1007",
  Delete: "GR1008",
  Label: "GR1009",
  Accessor: "GR1010",
  Decorator: "GR1011",
  Eval: "GR1012",
  Spread: "GR1013",
  Destructuring: "GR1014",
  Bitwise: "GR1015",
  Regex: "GR1016",
  TypeOf: "GR1017",
  NonBooleanCondition: "GR1018",
  UnsupportedBuiltin: "GR1019",
  OuterReassignment: "GR1020",
  SwitchFallThrough: "GR1021",
  UnsupportedImport: "GR1022",
  MixedObjectType: "GR1023",
  TopLevelStatement: "GR1024",
  StaticMember: "GR1025",
  ThrowNonError: "GR1026",
  UnsupportedLoop: "GR1027",
  ValueOfStatementCall: "GR1028",
  UnsupportedOperator: "GR1029",
  NameCollision: "GR1030",
  LoopCapture: "GR1031",
  UntestedOptionalImport: "GR1032",
  MethodAsValue: "GR1033",
  LoneSurrogate: "GR1034",
  NullableDefault: "GR1035",
} as const;

export type DiagnosticCode = (typeof Code)[keyof typeof Code];

export function diagnosticAt(node: ts.Node, code: string, message: string, root: string): CompilerDiagnostic {
  const sourceFile = node.getSourceFile();
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return {
    code,
    file: relativeFile(sourceFile.fileName, root),
    line: line + 1,
    column: character + 1,
    message,
  };
}

export function fromTypeScript(diagnostic: ts.Diagnostic, root: string): CompilerDiagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
  if (diagnostic.file === undefined || diagnostic.start === undefined) {
    return { code: `TS${diagnostic.code}`, file: "", line: 0, column: 0, message };
  }
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return {
    code: `TS${diagnostic.code}`,
    file: relativeFile(diagnostic.file.fileName, root),
    line: line + 1,
    column: character + 1,
    message,
  };
}

export function relativeFile(fileName: string, root: string): string {
  const relative = path.relative(root, fileName);
  return (relative.startsWith("..") ? fileName : relative).split(path.sep).join("/");
}

/** `src/flow/otp.ts(12,5): error GR1004: ...`, the format editors and CI logs already recognise from tsc. */
export function formatDiagnostic(diagnostic: CompilerDiagnostic): string {
  const position = diagnostic.line === 0 ? "" : `(${diagnostic.line},${diagnostic.column})`;
  const where = diagnostic.file === "" ? "" : `${diagnostic.file}${position}: `;
  return `${where}error ${diagnostic.code}: ${diagnostic.message}`;
}

/** Diagnostics sorted by file, position and code so that every run prints them in the same order. */
export function sortDiagnostics(diagnostics: readonly CompilerDiagnostic[]): CompilerDiagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}
