import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { isStringType, typeOf } from "../../types";

export function visitNumericLiteral(node: ts.NumericLiteral): py.Expr {
  return numberLiteral(Number(node.text));
}

/**
 * A number as Python source: integral values up to 2^53 print as ints (so they index lists), others as floats in
 * JavaScript's notation. A larger integral literal is the double JavaScript holds, and -0 only exists as a float.
 */
export function numberLiteral(value: number): py.Expr {
  if (Object.is(value, -0)) return { kind: "num", text: "-0.0" };
  if (Number.isInteger(value) && Math.abs(value) <= 2 ** 53) return { kind: "num", text: String(value) };
  if (!Number.isFinite(value))
    return py.call("float", py.str(String(value).replace("Infinity", "inf").toLowerCase()));
  const text = String(value);
  return { kind: "num", text: /[.e]/.test(text) ? text : `${text}.0` };
}

export function visitStringLiteral(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): py.Expr {
  return py.str(node.text);
}

export function visitTemplate(node: ts.TemplateExpression, context: Context): py.Expr {
  const values = context.inOrder(
    node.templateSpans.map((span) => span.expression),
    (expression) => toStringValue(expression, context),
  );
  const parts: py.Expr[] = [];
  if (node.head.text !== "") parts.push(py.str(node.head.text));
  node.templateSpans.forEach((span, index) => {
    parts.push(values[index] as py.Expr);
    if (span.literal.text !== "") parts.push(py.str(span.literal.text));
  });
  if (parts.length === 0) return py.str("");
  // A lone substitution still has to produce a string: `${n}` is String(n).
  return parts.reduce((left, right) => py.binop("+", left, right));
}

/** The expression converted the way JavaScript converts it when concatenating with a string. */
export function toStringValue(expression: ts.Expression, context: Context): py.Expr {
  const value = context.visitExpression(expression);
  if (isStringType(typeOf(context.checker, expression))) return value;
  // _js_str gives JavaScript's text for every value: "1,2" for an array, "[object Object]", "Error: message".
  return context.helperCall("_js_str", value);
}

export function visitKeyword(node: ts.Node, context: Context): py.Expr {
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return py.bool(true);
    case ts.SyntaxKind.FalseKeyword:
      return py.bool(false);
    case ts.SyntaxKind.NullKeyword:
      return py.none;
    case ts.SyntaxKind.ThisKeyword:
      if (context.classes.length === 0) {
        context.report(
          node,
          Code.UnsupportedSyntax,
          "`this` is only supported inside class methods and constructors.",
        );
      }
      return py.name("self");
  }
  context.report(node, Code.UnsupportedSyntax, `Unsupported syntax: ${ts.SyntaxKind[node.kind]}.`);
  return py.none;
}

export function visitIdentifier(node: ts.Identifier, context: Context): py.Expr {
  const symbol = context.resolvedSymbol(node);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  const isGlobal = declaration === undefined || declaration.getSourceFile().hasNoDefaultLib;
  if (isGlobal) {
    switch (node.text) {
      case "undefined":
        return py.none;
      case "NaN":
        return py.call("float", py.str("nan"));
      case "Infinity":
        return py.call("float", py.str("inf"));
      case "eval":
        context.report(node, Code.Eval, "`eval` is not supported: write the code directly.");
        return py.none;
    }
    if (declaration !== undefined) {
      context.report(
        node,
        Code.UnsupportedBuiltin,
        `${node.text} is not supported as a value: only the built-ins listed in docs/guest-subset.md can be used.`,
      );
    }
  }
  return py.name(context.nameOf(node));
}

/** Parentheses, type assertions and `!` have no run-time meaning: the printer decides the parentheses. */
export function visitTransparent(
  node:
    | ts.ParenthesizedExpression
    | ts.AsExpression
    | ts.NonNullExpression
    | ts.SatisfiesExpression
    | ts.TypeAssertion,
  context: Context,
): py.Expr {
  return context.visitExpression(node.expression);
}
