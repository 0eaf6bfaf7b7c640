import type { Expr, Parameter, Stmt } from "./ast";
import { BINARY_PRECEDENCE, Precedence, precedenceOf, printExpr, quote } from "./expressions";

const INDENT = "    ";

const MAX_LINE = 110;

/** One line of a broken expression: `prefix + expr + suffix`, itself broken again when still too long. */
type Piece = [prefix: string, expr: Expr, suffix: string, minimum?: Precedence];

/**
 * `head + expr + tail` as lines at `depth`. An expression too long for one line is broken at its outermost brackets,
 * one element per line (the layout Black uses), and a long operator chain is put in parentheses with one operand per line.
 */
function wrapped(
  head: string,
  expr: Expr,
  tail: string,
  depth: number,
  minimum = Precedence.Lambda,
): string[] {
  const pad = INDENT.repeat(depth);
  const flat = `${pad}${head}${printExpr(expr, minimum)}${tail}`;
  if (flat.length <= MAX_LINE || precedenceOf(expr) < minimum) return [flat];
  const broken = breakExpr(expr);
  if (broken === undefined) return [flat];
  const [open, pieces, close] = broken;
  return [
    `${pad}${head}${open}`,
    ...pieces.flatMap(([prefix, item, suffix, itemMinimum]) =>
      wrapped(prefix, item, suffix, depth + 1, itemMinimum),
    ),
    `${pad}${close}${tail}`,
  ];
}

function breakExpr(expr: Expr): [string, Piece[], string] | undefined {
  switch (expr.kind) {
    case "call": {
      const func = printExpr(expr.func, Precedence.Primary);
      const only = expr.args.length === 1 && (expr.keywords ?? []).length === 0 ? expr.args[0] : undefined;
      if (only?.kind === "list") return [`${func}([`, only.items.map((item) => ["", item, ","]), "])"];
      if (only?.kind === "comprehension" && only.brackets === "generator")
        return [`${func}(`, comprehensionPieces(only), ")"];
      // A call's own brackets hold a sole operator chain: `f(\n    a\n    + b\n)`, not a second pair of parentheses.
      if (only?.kind === "binop" || only?.kind === "boolop") return [`${func}(`, chainPieces(only), ")"];
      const pieces: Piece[] = expr.args.map((arg) => ["", arg, ","]);
      for (const [key, value] of expr.keywords ?? []) pieces.push([`${key}=`, value, ","]);
      return pieces.length === 0 ? undefined : [`${func}(`, pieces, ")"];
    }
    case "list":
      return expr.items.length === 0 ? undefined : ["[", expr.items.map((item) => ["", item, ","]), "]"];
    case "tuple":
      return expr.items.length < 2 ? undefined : ["(", expr.items.map((item) => ["", item, ","]), ")"];
    case "comprehension":
      return [
        expr.brackets === "list" ? "[" : "(",
        comprehensionPieces(expr),
        expr.brackets === "list" ? "]" : ")",
      ];
    case "binop":
    case "boolop":
      return ["(", chainPieces(expr), ")"];
    case "ifexp":
      return [
        "(",
        [
          ["", expr.body, "", Precedence.Or],
          ["if ", expr.test, "", Precedence.Or],
          ["else ", expr.orelse, "", Precedence.IfExp],
        ],
        ")",
      ];
    default:
      return undefined;
  }
}

function chainPieces(expr: Expr & { kind: "binop" | "boolop" }): Piece[] {
  const own = expr.kind === "boolop" ? Precedence.Not : (BINARY_PRECEDENCE[expr.op] ?? Precedence.Additive);
  return chain(expr).map((operand, index) => [
    index === 0 ? "" : `${expr.op} `,
    operand,
    "",
    index === 0 ? own : own + 1,
  ]);
}

/** The operands of `a + b + c` (left-nested) or `a and b and c`, in order. */
function chain(expr: Expr & { kind: "binop" | "boolop" }): Expr[] {
  const left = expr.left;
  const sameChain = left.kind === expr.kind && left.op === expr.op;
  const rightSame = expr.kind === "boolop" && expr.right.kind === "boolop" && expr.right.op === expr.op;
  return [
    ...(sameChain ? chain(left as Expr & { kind: "binop" | "boolop" }) : [left]),
    ...(rightSame ? chain(expr.right as Expr & { kind: "boolop" }) : [expr.right]),
  ];
}

function comprehensionPieces(expr: Expr & { kind: "comprehension" }): Piece[] {
  const target =
    expr.target.kind === "tuple"
      ? expr.target.items.map((t) => printExpr(t)).join(", ")
      : printExpr(expr.target);
  const pieces: Piece[] = [
    ["", expr.element, "", Precedence.IfExp],
    [`for ${target} in `, expr.iter, "", Precedence.Or],
  ];
  if (expr.condition !== undefined) pieces.push(["if ", expr.condition, "", Precedence.Or]);
  return pieces;
}

export function printStatements(statements: readonly Stmt[], depth = 0): string[] {
  const lines: string[] = [];
  for (const statement of statements) {
    const printed = printStatement(statement, depth);
    if (statement.note !== undefined && printed.length > 0) printed[0] = `${printed[0]}  # ${statement.note}`;
    lines.push(...printed);
  }
  return lines;
}

/**
 * A docstring as PEP 257 lays it out: on one line when it fits, otherwise the closing quotes on a line of their own.
 * Backslashes and runs of quotes are escaped so that the text reads back exactly.
 */
function docstring(text: string, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const lines = text.split("\n").map(escapeDocLine);
  const single = `${pad}"""${lines[0] ?? ""}"""`;
  if (lines.length === 1 && single.length <= MAX_LINE) return [single];
  return [
    `${pad}"""${lines[0] ?? ""}`,
    ...lines.slice(1).map((line) => (line === "" ? "" : pad + line)),
    `${pad}"""`,
  ];
}

function escapeDocLine(line: string): string {
  const quoted = quote(line).slice(1, -1);
  // quote() escapes every double quote; in a triple-quoted string only a run of three (or one at the very end) must be.
  return quoted.replace(/\\"/g, '"').replace(/"""/g, '""\\"').replace(/"$/, '\\"');
}

function block(body: readonly Stmt[], depth: number): string[] {
  const lines = printStatements(body, depth);
  return lines.some((line) => line.trim() !== "" && !line.trim().startsWith("#"))
    ? lines
    : [...lines, INDENT.repeat(depth) + "pass"];
}

function printParams(params: readonly Parameter[]): string {
  return params
    .map((p) => (p.default === undefined ? p.name : `${p.name}=${printExpr(p.default)}`))
    .join(", ");
}

function printStatement(statement: Stmt, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  switch (statement.kind) {
    case "expr":
      return wrapped("", statement.value, "", depth);
    case "assign":
      return wrapped(`${printExpr(statement.target)} = `, statement.value, "", depth);
    case "augassign":
      return wrapped(`${printExpr(statement.target)} ${statement.op}= `, statement.value, "", depth);
    case "if": {
      const lines = [...wrapped("if ", statement.test, ":", depth), ...block(statement.body, depth + 1)];
      let orelse = statement.orelse;
      // An else branch holding exactly one `if` prints as `elif`, the way switch chains and else-if ladders read.
      while (orelse.length === 1 && orelse[0]?.kind === "if") {
        const next = orelse[0];
        lines.push(...wrapped("elif ", next.test, ":", depth), ...block(next.body, depth + 1));
        orelse = next.orelse;
      }
      if (orelse.length > 0) lines.push(`${pad}else:`, ...block(orelse, depth + 1));
      return lines;
    }
    case "while":
      return [...wrapped("while ", statement.test, ":", depth), ...block(statement.body, depth + 1)];
    case "for": {
      const target =
        statement.target.kind === "tuple"
          ? statement.target.items.map((t) => printExpr(t)).join(", ")
          : printExpr(statement.target);
      return [
        ...wrapped(`for ${target} in `, statement.iter, ":", depth),
        ...block(statement.body, depth + 1),
      ];
    }
    case "break":
    case "continue":
    case "pass":
      return [pad + statement.kind];
    case "return":
      return statement.value === undefined
        ? [`${pad}return`]
        : wrapped("return ", statement.value, "", depth);
    case "raise":
      return statement.value === undefined ? [`${pad}raise`] : wrapped("raise ", statement.value, "", depth);
    case "try": {
      const lines = [`${pad}try:`, ...block(statement.body, depth + 1)];
      for (const handler of statement.handlers) {
        const type = handler.type === undefined ? "" : ` ${printExpr(handler.type)}`;
        const bound = handler.name === undefined ? "" : ` as ${handler.name}`;
        lines.push(`${pad}except${type}${bound}:`, ...block(handler.body, depth + 1));
      }
      if (statement.finally.length > 0 || statement.handlers.length === 0)
        lines.push(`${pad}finally:`, ...block(statement.finally, depth + 1));
      return lines;
    }
    case "def":
      return [
        `${pad}def ${statement.name}(${printParams(statement.params)}):`,
        ...block(statement.body, depth + 1),
      ];
    case "class": {
      const bases =
        statement.bases.length === 0 ? "object" : statement.bases.map((b) => printExpr(b)).join(", ");
      return [`${pad}class ${statement.name}(${bases}):`, ...block(statement.body, depth + 1)];
    }
    case "comment":
      return [statement.text === "" ? `${pad}#` : `${pad}# ${statement.text}`];
    case "docstring":
      return docstring(statement.text, depth);
    case "blank":
      return [""];
  }
}
