import * as ts from "typescript";
import { Code } from "../diagnostics";
import type { Context } from "../context";
import * as py from "../python/ast";
import { integerRange } from "../ranges";
import { sliceCall } from "./arrays";
import { argumentsOf, unsupported } from "./globals";

/** String methods. `receiver` is the compiled string; JavaScript's clamping and NaN rules go through helpers. */
export function stringCall(
  methodName: string,
  node: ts.CallExpression,
  receiver: py.Expr,
  context: Context,
): py.Expr {
  const what = `String.${methodName}`;
  const args = (min: number, max: number): py.Expr[] => argumentsOf(node, context, what, min, max);
  switch (methodName) {
    case "toLowerCase":
      return py.method(receiver, "lower", ...args(0, 0));
    case "toUpperCase":
      return py.method(receiver, "upper", ...args(0, 0));
    case "trim":
      // Python's strip() also removes U+001C-U+001F and U+0085, which JavaScript keeps.
      return py.method(receiver, "strip", ...args(0, 0), context.useHelper("_JS_SPACE"));
    case "startsWith":
      return py.method(receiver, "startswith", ...args(1, 1));
    case "endsWith":
      return py.method(receiver, "endswith", ...args(1, 1));
    case "includes":
      return py.compare("in", args(1, 1)[0] ?? py.none, receiver);
    case "indexOf":
      return py.method(receiver, "find", ...args(1, 1));
    case "slice":
      // Python slices already count negative bounds from the end and clamp, exactly like String.prototype.slice.
      return sliceCall(node, receiver, args(0, 2), context);
    case "substring": {
      const [start, end] = args(1, 2);
      if (isOrderedNonNegative(node.arguments))
        return { kind: "slice", object: receiver, lower: start, upper: end };
      return context.helperCall(
        "_js_substring",
        receiver,
        ...(end === undefined ? [start ?? py.num(0)] : [start ?? py.num(0), end]),
      );
    }
    case "split": {
      const [separator] = args(1, 1);
      const literal = node.arguments[0];
      if (literal !== undefined && ts.isStringLiteral(literal) && literal.text !== "") {
        return py.method(receiver, "split", separator ?? py.none);
      }
      return context.helperCall("_js_split", receiver, separator ?? py.none);
    }
    case "replace": {
      const [pattern, replacement] = args(2, 2);
      checkReplacement(node.arguments[1], context);
      const literal = node.arguments[0];
      if (literal !== undefined && ts.isStringLiteral(literal) && literal.text !== "") {
        return py.method(receiver, "replace", pattern ?? py.none, replacement ?? py.none, py.num(1));
      }
      return context.helperCall("_js_replace_first", receiver, pattern ?? py.none, replacement ?? py.none);
    }
    case "padStart":
    case "padEnd":
      return context.helperCall(
        methodName === "padStart" ? "_js_pad_start" : "_js_pad_end",
        receiver,
        ...args(1, 2),
      );
    case "charAt": {
      const indexArgs = args(1, 1);
      const [index] = indexArgs;
      // A known non-negative int (a loop counter, usually) needs no helper: a one-character slice is "" past the end.
      if (index !== undefined && isPureName(index) && isNaturalIndex(node.arguments[0], context)) {
        const upper = index.kind === "num" ? py.num(Number(index.text) + 1) : py.binop("+", index, py.num(1));
        return { kind: "slice", object: receiver, lower: index, upper };
      }
      return context.helperCall("_js_char_at", receiver, ...indexArgs);
    }
    case "charCodeAt": {
      const indexArgs = args(1, 1);
      const [index] = indexArgs;
      if (
        index !== undefined &&
        isPureName(index) &&
        isPureName(receiver) &&
        isNaturalIndex(node.arguments[0], context)
      ) {
        // Both read twice, which costs nothing for names: the character's code, or NaN past the end.
        context.useHelper("_INF");
        const inside = py.compare("<", index, py.call("len", receiver));
        return py.ifexp(inside, py.call("ord", py.subscript(receiver, index)), py.name("_NAN"));
      }
      return context.helperCall("_js_char_code_at", receiver, ...indexArgs);
    }
  }
  return unsupported(node, what, context);
}

/** A name or a number: read twice, it costs nothing and gives the same value. */
function isPureName(expression: py.Expr): boolean {
  return expression.kind === "name" || expression.kind === "num";
}

/** An index the compiler proves to be a Python int from 0 (see ranges.ts). */
function isNaturalIndex(index: ts.Expression | undefined, context: Context): boolean {
  const range = index === undefined ? undefined : integerRange(index, context.checker);
  return range !== undefined && range[0] >= 0;
}

function isOrderedNonNegative(args: readonly ts.Expression[]): boolean {
  const values = args.map((a) => (ts.isNumericLiteral(a) ? Number(a.text) : NaN));
  if (values.some((v) => !Number.isInteger(v))) return false;
  return values.length === 1 || (values[0] as number) <= (values[1] as number);
}

// JavaScript gives `$&`, `$1`... special meaning in a replacement string; Python does not.
function checkReplacement(replacement: ts.Expression | undefined, context: Context): void {
  if (replacement === undefined) return;
  if (ts.isStringLiteral(replacement) && !replacement.text.includes("$")) return;
  if (ts.isStringLiteral(replacement) || ts.isFunctionLike(replacement)) {
    context.report(
      replacement,
      Code.UnsupportedBuiltin,
      "A replacement containing `$` (or a replacement function) is not supported: build the result with split and join.",
    );
  }
}
