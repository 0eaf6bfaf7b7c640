import * as ts from "typescript";
import type * as py from "./python/ast";

// The author's comments, carried into the Python an admin reads in the Flex UI: JSDoc becomes a docstring where the
// declaration becomes a def or class, every other comment before a statement becomes `#` lines before it. Comments
// inside expressions are not carried (Python has nowhere to put them).

/** Tags that steer the compiler rather than inform a reader of the Python. */
const DIRECTIVE_TAGS = new Set(["optional"]);

/** Hands out each comment once: a statement's trailing comment is also its parent's (`if (x) return; // why`). */
export class CommentClaims {
  private readonly claimed = new Set<string>();

  take(file: ts.SourceFile, ranges: readonly ts.CommentRange[] | undefined): ts.CommentRange[] {
    return (ranges ?? []).filter((range) => {
      const key = `${file.fileName}:${range.pos}`;
      if (this.claimed.has(key)) return false;
      this.claimed.add(key);
      return true;
    });
  }
}

export interface LeadingComments {
  /** The JSDoc right before the declaration, as docstring text; undefined when there is none. */
  doc?: string;
  /** Every other comment before the node, one entry per line (`""` for a blank comment line). */
  lines: string[];
}

/** The comments before a node; a file's first statement leaves out the file's header (see fileHeader). */
export function leadingComments(node: ts.Node, claims: CommentClaims): LeadingComments {
  const file = node.getSourceFile();
  let all = ts.getLeadingCommentRanges(file.text, node.pos) ?? [];
  if (file.statements[0] === node) all = all.slice(headerLength(file, all, node));
  const ranges = claims.take(file, all);
  const last = ranges[ranges.length - 1];
  const doc = last !== undefined && isJsDoc(file.text, last) ? last : undefined;
  const lines = ranges.filter((r) => r !== doc).flatMap((r) => commentLines(file.text, r));
  if (doc === undefined) return { lines };
  const text = jsDocText(file.text.slice(doc.pos, doc.end));
  return text === "" ? { lines } : { doc: text, lines };
}

/**
 * Whether the author left a blank line before the statement (or before its comments): the Python keeps it. The first
 * statement of a body never starts with one.
 */
export function followsBlankLine(node: ts.Statement): boolean {
  const siblings =
    "statements" in node.parent ? (node.parent.statements as ts.NodeArray<ts.Statement>) : undefined;
  if (siblings === undefined || siblings.indexOf(node) <= 0) return false;
  const file = node.getSourceFile();
  const first = ts.getLeadingCommentRanges(file.text, node.pos)?.[0]?.pos ?? node.getStart(file);
  const gap = file.text.slice(node.pos, first).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, "");
  return /\n[ \t]*\r?\n/.test(gap);
}

/** JSDoc kept as `#` lines, for declarations that do not become a def or class (fields, constants). */
export function asLines(comments: LeadingComments): string[] {
  return comments.doc === undefined ? comments.lines : [...comments.lines, ...comments.doc.split("\n")];
}

/** Comments on the same line after a node: `x = 1; // why`. */
export function trailingComments(node: ts.Node, claims: CommentClaims): string[] {
  const file = node.getSourceFile();
  return claims
    .take(file, ts.getTrailingCommentRanges(file.text, node.end))
    .flatMap((r) => commentLines(file.text, r));
}

/** Comments inside a block that no statement owns: after `{` on its line, and before `}`. */
export function blockComments(
  block: ts.Block,
  claims: CommentClaims,
): { opening: string[]; closing: string[] } {
  const file = block.getSourceFile();
  const open = block.getStart(file) + 1;
  const lines = (ranges: ts.CommentRange[] | undefined): string[] =>
    claims.take(file, ranges).flatMap((r) => commentLines(file.text, r));
  const opening = lines(ts.getTrailingCommentRanges(file.text, open));
  return { opening, closing: lines(ts.getLeadingCommentRanges(file.text, block.statements.end)) };
}

/** The comments before a `case`/`default` label and after its colon: Python has no label, they open its branch. */
export function clauseComments(clause: ts.CaseOrDefaultClause, claims: CommentClaims): string[] {
  const file = clause.getSourceFile();
  const afterColon = claims.take(file, ts.getTrailingCommentRanges(file.text, clause.statements.pos));
  return [
    ...asLines(leadingComments(clause, claims)),
    ...afterColon.flatMap((r) => commentLines(file.text, r)),
  ];
}

/** The comment lines at the end of a file, after its last statement. */
export function fileEndComments(file: ts.SourceFile, claims: CommentClaims): string[] {
  const ranges = claims.take(file, ts.getLeadingCommentRanges(file.text, file.endOfFileToken.pos));
  return ranges.flatMap((r) => commentLines(file.text, r));
}

/**
 * The file's header: the comments before its first statement that a blank line separates from it (the first statement
 * keeps the ones written right against it, unless it is an import or export). With no statement, every comment is.
 */
export function fileHeader(file: ts.SourceFile, claims: CommentClaims): string[] {
  const first = file.statements[0];
  if (first === undefined) return fileEndComments(file, claims);
  const ranges = ts.getLeadingCommentRanges(file.text, first.pos) ?? [];
  const header = claims.take(file, ranges.slice(0, headerLength(file, ranges, first)));
  return header.flatMap((r) => commentLines(file.text, r));
}

function headerLength(file: ts.SourceFile, ranges: readonly ts.CommentRange[], statement: ts.Node): number {
  // An import or export leaves no code of its own to carry the comments.
  if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) return ranges.length;
  let length = 0;
  ranges.forEach((range, index) => {
    const next = ranges[index + 1]?.pos ?? statement.getStart(file);
    if (/\n[ \t]*\r?\n/.test(file.text.slice(range.end, next))) length = index + 1;
  });
  return length;
}

function isJsDoc(text: string, range: ts.CommentRange): boolean {
  return (
    range.kind === ts.SyntaxKind.MultiLineCommentTrivia &&
    text.startsWith("/**", range.pos) &&
    range.end - range.pos > 4
  );
}

/** A `//` or `/* *\/` comment as lines of text, without the markers and the ` * ` gutter. */
function commentLines(text: string, range: ts.CommentRange): string[] {
  const raw = text.slice(range.pos, range.end);
  if (range.kind === ts.SyntaxKind.SingleLineCommentTrivia) return [raw.replace(/^\/\/+ ?/, "").trimEnd()];
  return blockLines(raw.replace(/^\/\*+/, "").replace(/\*\/$/, ""));
}

function blockLines(body: string): string[] {
  const lines = body
    .split(/\r?\n/)
    .map((line, index) => (index === 0 ? line.replace(/^ /, "") : gutterless(line)));
  while (lines.length > 0 && (lines[0] ?? "").trim() === "") lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? "").trim() === "") lines.pop();
  return lines.map((line) => line.trimEnd());
}

function gutterless(line: string): string {
  const starred = /^\s*\* ?(.*)$/.exec(line);
  return starred === null ? line.trim() : (starred[1] ?? "");
}

/**
 * JSDoc as docstring text: the description as written, `@param x text` as `x: text`, `@returns text` as
 * `Returns text`, `@throws text` as `Raises text`, `{@link X}` as `X`; directive tags are dropped.
 */
function jsDocText(raw: string): string {
  const lines = blockLines(raw.replace(/^\/\*\*/, "").replace(/\*\/$/, ""));
  const out: string[] = [];
  let dropping = false;
  for (const line of lines) {
    const tag = /^@(\w+)\s*(.*)$/.exec(line);
    if (tag !== null) {
      const [, tagName = "", rest = ""] = tag;
      dropping = DIRECTIVE_TAGS.has(tagName);
      if (!dropping) out.push(tagLine(tagName, rest));
    } else if (!dropping) out.push(line);
  }
  while (out.length > 0 && (out[out.length - 1] ?? "").trim() === "") out.pop();
  return out.join("\n").replace(/\{@link(?:code|plain)?\s+([^}\s|]+)(?:[\s|][^}]*)?\}/g, "$1");
}

function tagLine(tagName: string, rest: string): string {
  switch (tagName) {
    case "param": {
      const [, parameter = "", description = ""] =
        /^(?:\{[^}]*\}\s*)?\[?([\w$.]+)[^\s]*\s*(?:-\s*)?(.*)$/.exec(rest) ?? [];
      return description === "" ? parameter : `${parameter}: ${description}`;
    }
    case "returns":
    case "return":
      return `Returns ${rest}`.trimEnd();
    case "throws":
      return `Raises ${rest}`.trimEnd();
    default:
      return `${tagName[0]?.toUpperCase() ?? ""}${tagName.slice(1)}: ${rest}`.trimEnd();
  }
}

/** `#` statements for comment lines. */
export function commentStatements(lines: readonly string[]): py.Stmt[] {
  return lines.map((text) => ({ kind: "comment", text }));
}

const SIMPLE_STATEMENTS = new Set<py.Stmt["kind"]>([
  "expr",
  "assign",
  "augassign",
  "return",
  "raise",
  "break",
  "continue",
]);

/**
 * A statement's compiled form with the author's comments: those before it as `#` lines (its JSDoc as the docstring when
 * it compiled to one def or class), one on its own line's end as a note on the last simple statement, else after it.
 * A statement that compiles to nothing (a type, an import) takes its comments with it.
 */
export function withComments(node: ts.Statement, statements: py.Stmt[], claims: CommentClaims): py.Stmt[] {
  if (statements.length === 0) return statements;
  const leading = leadingComments(node, claims);
  const trailing = trailingComments(node, claims);
  let compiled = statements;
  const [only] = statements;
  const documented =
    leading.doc !== undefined && statements.length === 1 && (only?.kind === "def" || only?.kind === "class");
  if (documented && only !== undefined && (only.kind === "def" || only.kind === "class")) {
    compiled = [withDocstring(only, leading.doc as string)];
  }
  const before: py.Stmt[] = [
    ...(followsBlankLine(node) ? [{ kind: "blank" } as const] : []),
    ...commentStatements(documented ? leading.lines : asLines(leading)),
  ];
  const last = compiled[compiled.length - 1] as py.Stmt;
  if (trailing.length === 1 && SIMPLE_STATEMENTS.has(last.kind) && last.note === undefined) {
    return [...before, ...compiled.slice(0, -1), { ...last, note: trailing[0] }];
  }
  return [...before, ...compiled, ...commentStatements(trailing)];
}

/** A def or class with `text` as its docstring, ahead of the rest of its body. */
export function withDocstring<T extends py.Stmt & { kind: "def" | "class" }>(statement: T, text: string): T {
  return { ...statement, body: [{ kind: "docstring", text }, ...statement.body] };
}
