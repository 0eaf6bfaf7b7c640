import * as ts from "typescript";
import type { Context } from "../context";
import * as py from "../python/ast";
import { isNumberType, typeOf } from "../types";
import { numberLiteral, toStringValue } from "../visitors/expressions/literals";
import { argumentsOf, unsupported } from "./globals";

/** Global functions: String(x), Number(x), parseInt(x, 10). */
export function globalFunctionCall(functionName: string, node: ts.CallExpression, context: Context): py.Expr {
  switch (functionName) {
    case "String": {
      const argument = node.arguments[0];
      if (argument === undefined || node.arguments.length > 1) {
        return unsupported(node, "String() without exactly one argument", context);
      }
      return toStringValue(argument, context);
    }
    case "Number": {
      const [value] = argumentsOf(node, context, "Number(x)", 1, 1);
      const argument = node.arguments[0];
      if (argument !== undefined && isNumberType(typeOf(context.checker, argument)))
        return value ?? py.num(0);
      return context.helperCall("_js_number", value ?? py.none);
    }
    case "parseInt": {
      const radix = node.arguments[1];
      if (radix === undefined || !ts.isNumericLiteral(radix) || radix.text !== "10") {
        return unsupported(node, "parseInt without the radix 10", context);
      }
      const argument = node.arguments[0];
      return context.helperCall(
        "_js_parse_int",
        argument === undefined ? py.str("") : context.visitExpression(argument),
      );
    }
  }
  return unsupported(node, `${functionName}()`, context);
}

export function numberCall(methodName: string, node: ts.CallExpression, context: Context): py.Expr {
  const what = `Number.${methodName}`;
  switch (methodName) {
    case "isInteger": {
      const [value] = argumentsOf(node, context, what, 1, 1);
      return context.helperCall("_js_is_integer", value ?? py.none);
    }
    case "isNaN": {
      const [value] = argumentsOf(node, context, what, 1, 1);
      const operand = node.arguments[0];
      // math.isnan raises on non-numbers, where Number.isNaN answers false.
      if (operand !== undefined && isNumberType(typeOf(context.checker, operand))) {
        return py.method(context.useImport("math"), "isnan", value ?? py.none);
      }
      const once = context.once(value ?? py.none);
      return py.compare("!=", once, once);
    }
  }
  return unsupported(node, what, context);
}

export function numberProperty(node: ts.PropertyAccessExpression, context: Context): py.Expr {
  switch (node.name.text) {
    case "MAX_SAFE_INTEGER":
      return numberLiteral(Number.MAX_SAFE_INTEGER);
    case "MIN_SAFE_INTEGER":
      return numberLiteral(Number.MIN_SAFE_INTEGER);
    case "POSITIVE_INFINITY":
      return numberLiteral(Infinity);
    case "NEGATIVE_INFINITY":
      return py.unaryMinus(numberLiteral(Infinity));
  }
  return unsupported(node, `Number.${node.name.text}`, context);
}
