import type { Expr } from "./ast";

// Python 2.7 binding strength, loosest first. A child is parenthesised only when it binds more loosely than its position
// requires, so the output carries no more parentheses than a careful author would write.
export enum Precedence {
  Lambda = 1,
  IfExp,
  Or,
  And,
  Not,
  Compare,
  Additive,
  Multiplicative,
  Unary,
  Primary,
  Atom,
}

export const BINARY_PRECEDENCE: Record<string, Precedence> = {
  "+": Precedence.Additive,
  "-": Precedence.Additive,
  "*": Precedence.Multiplicative,
  "/": Precedence.Multiplicative,
  "//": Precedence.Multiplicative,
  "%": Precedence.Multiplicative,
};

export function precedenceOf(expr: Expr): Precedence {
  switch (expr.kind) {
    case "lambda":
      return Precedence.Lambda;
    case "ifexp":
      return Precedence.IfExp;
    case "boolop":
      return expr.op === "or" ? Precedence.Or : Precedence.And;
    case "unary":
      return expr.op === "not" ? Precedence.Not : Precedence.Unary;
    case "compare":
      return Precedence.Compare;
    case "binop":
      return BINARY_PRECEDENCE[expr.op] ?? Precedence.Additive;
    case "attr":
    case "subscript":
    case "slice":
    case "call":
      return Precedence.Primary;
    case "num":
      // A negative literal behaves like a unary minus when it is the object of an attribute or an operand of **.
      return expr.text.startsWith("-") ? Precedence.Unary : Precedence.Atom;
    default:
      return Precedence.Atom;
  }
}

export function printExpr(expr: Expr, minimum: Precedence = Precedence.Lambda): string {
  const text = printBare(expr);
  return precedenceOf(expr) < minimum ? `(${text})` : text;
}

function printBare(expr: Expr): string {
  switch (expr.kind) {
    case "name":
      return expr.id;
    case "num":
      return expr.text;
    case "str":
      return quote(expr.value);
    case "const":
      return expr.value;
    case "attr":
      return `${printExpr(expr.object, Precedence.Primary)}.${expr.name}`;
    case "subscript":
      return `${printExpr(expr.object, Precedence.Primary)}[${printExpr(expr.index)}]`;
    case "slice": {
      const lower = expr.lower === undefined ? "" : printExpr(expr.lower);
      const upper = expr.upper === undefined ? "" : printExpr(expr.upper);
      return `${printExpr(expr.object, Precedence.Primary)}[${lower}:${upper}]`;
    }
    case "call": {
      // A generator expression that is the only argument needs no parentheses of its own: `all(x > 0 for x in xs)`.
      const soleGenerator =
        expr.args.length === 1 &&
        expr.args[0]?.kind === "comprehension" &&
        expr.args[0].brackets === "generator";
      const args = soleGenerator
        ? [printBare(expr.args[0] as Expr).slice(1, -1)]
        : expr.args.map((arg) => printExpr(arg));
      for (const [key, value] of expr.keywords ?? []) args.push(`${key}=${printExpr(value)}`);
      return `${printExpr(expr.func, Precedence.Primary)}(${args.join(", ")})`;
    }
    case "binop": {
      const own = BINARY_PRECEDENCE[expr.op] ?? Precedence.Additive;
      return `${printExpr(expr.left, own)} ${expr.op} ${printExpr(expr.right, own + 1)}`;
    }
    case "unary": {
      if (expr.op === "not") return `not ${printExpr(expr.operand, Precedence.Not)}`;
      // `--x` is legal Python but reads like a decrement: keep the inner sign visibly separate.
      const nested =
        expr.operand.kind === "unary" || (expr.operand.kind === "num" && expr.operand.text.startsWith("-"));
      const operand = printExpr(expr.operand, nested ? Precedence.Atom : Precedence.Unary);
      return `${expr.op}${operand}`;
    }
    case "compare":
      // Python chains comparisons (`a < b < c`), JavaScript does not: a nested comparison always keeps its parentheses.
      return `${printExpr(expr.left, Precedence.Compare + 1)} ${expr.op} ${printExpr(expr.right, Precedence.Compare + 1)}`;
    case "boolop": {
      // `and`/`or` are associative, so a chain of one of them needs no parentheses; a mix always gets them, even where
      // Python's precedence would do (`a or b and c` is easy to misread).
      const side = (child: Expr): string =>
        child.kind === "boolop"
          ? child.op === expr.op
            ? printBare(child)
            : `(${printBare(child)})`
          : printExpr(child, Precedence.Not);
      return `${side(expr.left)} ${expr.op} ${side(expr.right)}`;
    }
    case "ifexp":
      return `${printExpr(expr.body, Precedence.Or)} if ${printExpr(expr.test, Precedence.Or)} else ${printExpr(expr.orelse, Precedence.IfExp)}`;
    case "lambda": {
      const params = expr.params.length === 0 ? "" : ` ${expr.params.join(", ")}`;
      return `lambda${params}: ${printExpr(expr.body, Precedence.IfExp)}`;
    }
    case "list":
      return `[${expr.items.map((item) => printExpr(item)).join(", ")}]`;
    case "tuple":
      return expr.items.length === 1
        ? `(${printExpr(expr.items[0] as Expr, Precedence.IfExp)},)`
        : `(${expr.items.map((item) => printExpr(item, Precedence.IfExp)).join(", ")})`;
    case "comprehension": {
      const target =
        expr.target.kind === "tuple"
          ? expr.target.items.map((t) => printExpr(t)).join(", ")
          : printExpr(expr.target);
      const condition = expr.condition === undefined ? "" : ` if ${printExpr(expr.condition, Precedence.Or)}`;
      const inner = `${printExpr(expr.element, Precedence.IfExp)} for ${target} in ${printExpr(expr.iter, Precedence.Or)}${condition}`;
      return expr.brackets === "list" ? `[${inner}]` : `(${inner})`;
    }
  }
}

/** A Python unicode literal (the module has `unicode_literals`): printable text stays readable, the rest is escaped. */
export function quote(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xad) out += `\\x${hex(code, 2)}`;
    else if ((code >= 0xd800 && code <= 0xdfff) || code === 0x2028 || code === 0x2029 || code === 0xfeff)
      out += `\\u${hex(code, 4)}`;
    else out += char;
  }
  return out + '"';
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}
