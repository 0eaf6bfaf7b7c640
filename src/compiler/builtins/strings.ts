import * as ts from "typescript";
import { Code } from "../diagnostics";
import type { Context } from "../context";
import * as py from "../python/ast";
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
    case "charAt":
      return context.helperCall("_js_char_at", receiver, ...args(1, 1));
    case "charCodeAt":
      return context.helperCall("_js_char_code_at", receiver, ...args(1, 1));
  }
  return unsupported(node, what, context);
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
