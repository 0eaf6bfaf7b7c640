// The small Python 2.7 syntax tree the visitors build and the printer prints. Statements remember where they came from:
// the bundler turns that into a `# src/...:line` note on each module-level definition, so a reader of a Jython stack
// trace finds the TypeScript source.

export interface SourceLocation {
  file: string;
  line: number;
}

export type Expr =
  | { kind: "name"; id: string }
  | { kind: "num"; text: string }
  | { kind: "str"; value: string }
  | { kind: "const"; value: "True" | "False" | "None" }
  | { kind: "attr"; object: Expr; name: string }
  | { kind: "subscript"; object: Expr; index: Expr }
  | { kind: "slice"; object: Expr; lower?: Expr; upper?: Expr }
  | { kind: "call"; func: Expr; args: Expr[]; keywords?: Array<[string, Expr]> }
  | { kind: "binop"; op: BinaryOperator; left: Expr; right: Expr }
  | { kind: "unary"; op: "-" | "+" | "not"; operand: Expr }
  | { kind: "compare"; op: CompareOperator; left: Expr; right: Expr }
  | { kind: "boolop"; op: "and" | "or"; left: Expr; right: Expr }
  | { kind: "ifexp"; test: Expr; body: Expr; orelse: Expr }
  | { kind: "lambda"; params: string[]; body: Expr }
  | { kind: "list"; items: Expr[] }
  | { kind: "tuple"; items: Expr[] }
  | {
      kind: "comprehension";
      brackets: "list" | "generator";
      element: Expr;
      target: Expr;
      iter: Expr;
      condition?: Expr;
    };

export type BinaryOperator = "+" | "-" | "*" | "/" | "//" | "%";
export type CompareOperator = "==" | "!=" | "<" | "<=" | ">" | ">=" | "is" | "is not" | "in" | "not in";

export interface Parameter {
  name: string;
  default?: Expr;
}

export interface ExceptHandler {
  type?: Expr;
  name?: string;
  body: Stmt[];
}

export type Stmt = (
  | { kind: "expr"; value: Expr }
  | { kind: "assign"; target: Expr; value: Expr }
  | { kind: "augassign"; target: Expr; op: BinaryOperator; value: Expr }
  | { kind: "if"; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: "while"; test: Expr; body: Stmt[] }
  | { kind: "for"; target: Expr; iter: Expr; body: Stmt[] }
  | { kind: "break" }
  | { kind: "continue" }
  | { kind: "pass" }
  | { kind: "return"; value?: Expr }
  | { kind: "raise"; value?: Expr }
  | { kind: "try"; body: Stmt[]; handlers: ExceptHandler[]; finally: Stmt[] }
  | { kind: "def"; name: string; params: Parameter[]; body: Stmt[] }
  | { kind: "class"; name: string; bases: Expr[]; body: Stmt[] }
  | { kind: "comment"; text: string }
  | { kind: "docstring"; text: string }
  | { kind: "blank" }
) & {
  loc?: SourceLocation;
  /** A comment printed at the end of the statement's first line. */
  note?: string;
};

export const name = (id: string): Expr => ({ kind: "name", id });
export const str = (value: string): Expr => ({ kind: "str", value });
export const num = (value: number): Expr => ({ kind: "num", text: String(value) });
export const none: Expr = { kind: "const", value: "None" };
export const bool = (value: boolean): Expr => ({ kind: "const", value: value ? "True" : "False" });
export const call = (func: Expr | string, ...args: Expr[]): Expr => ({
  kind: "call",
  func: typeof func === "string" ? name(func) : func,
  args,
});
export const attr = (object: Expr, attribute: string): Expr => ({ kind: "attr", object, name: attribute });
export const method = (object: Expr, methodName: string, ...args: Expr[]): Expr =>
  call(attr(object, methodName), ...args);
export const subscript = (object: Expr, index: Expr): Expr => ({ kind: "subscript", object, index });
export const compare = (op: CompareOperator, left: Expr, right: Expr): Expr => ({
  kind: "compare",
  op,
  left,
  right,
});
export const binop = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({
  kind: "binop",
  op,
  left,
  right,
});
const NEGATED: Partial<Record<CompareOperator, CompareOperator>> = {
  in: "not in",
  "not in": "in",
  is: "is not",
  "is not": "is",
  "==": "!=",
  "!=": "==",
};

/** `not` folded into a comparison where Python has the negated operator: `x not in y` reads better than `not x in y`. */
export const not = (operand: Expr): Expr => {
  const negated = operand.kind === "compare" ? NEGATED[operand.op] : undefined;
  if (operand.kind === "compare" && negated !== undefined) return { ...operand, op: negated };
  return { kind: "unary", op: "not", operand };
};
export const ifexp = (test: Expr, body: Expr, orelse: Expr): Expr => ({ kind: "ifexp", test, body, orelse });
export const assign = (target: Expr, value: Expr): Stmt => ({ kind: "assign", target, value });
export const exprStmt = (value: Expr): Stmt => ({ kind: "expr", value });
export const unaryMinus = (operand: Expr): Expr => ({ kind: "unary", op: "-", operand });
