import * as ts from "typescript";
import { arrayCall } from "../../builtins/arrays";
import { isBuiltin } from "../../builtins/catalog";
import { libraryCall, libraryGlobal, unsupported } from "../../builtins/globals";
import { stringCall } from "../../builtins/strings";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { isArrayLike, isStringish, objectFamily, typeOf } from "../../types";
import { memberName, withOptionalChain } from "./access";

export function visitCall(node: ts.CallExpression, context: Context): py.Expr {
  return withOptionalChain(node, context, () => plainCall(node, context));
}

function plainCall(node: ts.CallExpression, context: Context): py.Expr {
  const callee = node.expression;
  if (callee.kind === ts.SyntaxKind.SuperKeyword) {
    return py.method(superObject(node, context), "__init__", ...compileArguments(node, context));
  }
  if (ts.isIdentifier(callee) && callee.text === "eval") {
    context.report(callee, Code.Eval, "`eval` is not supported: write the code directly.");
    return py.none;
  }
  const library = libraryCall(node, context);
  if (library !== undefined) return library;
  if (ts.isPropertyAccessExpression(callee)) {
    if (callee.expression.kind === ts.SyntaxKind.SuperKeyword) {
      return py.method(
        superObject(node, context),
        memberName(callee.name, context),
        ...compileArguments(node, context),
      );
    }
    const receiverType = typeOf(context.checker, callee.expression);
    const methodName = callee.name.text;
    const owner = isStringish(receiverType)
      ? "String"
      : isArrayLike(context.checker, receiverType)
        ? "Array"
        : undefined;
    if (owner !== undefined && !isBuiltin(owner, methodName))
      return unsupported(node, `${owner}.${methodName}`, context);
    if (isStringish(receiverType))
      return stringCall(methodName, node, context.visitExpression(callee.expression), context);
    if (isArrayLike(context.checker, receiverType)) {
      return arrayCall(methodName, node, context.visitExpression(callee.expression), context);
    }
    const primitive = ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike;
    if ((receiverType.flags & primitive) !== 0) {
      return unsupported(node, `Number/Boolean .${methodName}()`, context);
    }
    if (
      receiverType.getCallSignatures().length > 0 ||
      libraryGlobal(callee.expression, context) !== undefined
    ) {
      return unsupported(node, `Calling .${methodName}() on a function`, context);
    }
    if (objectFamily(context.checker, receiverType) === "data") {
      context.report(
        callee,
        Code.MixedObjectType,
        `'${methodName}' is a function-typed property of a data object: declare it as a method of an interface or class.`,
      );
    }
    const [receiver, ...args] = context.inOrder([callee.expression, ...node.arguments]);
    return py.method(receiver as py.Expr, memberName(callee.name, context), ...args);
  }
  const [func, ...args] = context.inOrder([callee, ...node.arguments]);
  return py.call(func as py.Expr, ...args);
}

function compileArguments(node: ts.CallExpression | ts.NewExpression, context: Context): py.Expr[] {
  return context.inOrder(node.arguments ?? []);
}

/** `super(Class, self)`: Python 2 needs the class and the instance spelled out. */
function superObject(node: ts.Node, context: Context): py.Expr {
  const current = context.classes[context.classes.length - 1];
  if (current === undefined) {
    context.report(node, Code.UnsupportedSyntax, "`super` is only supported inside a class.");
    return py.none;
  }
  return py.call("super", py.name(current), py.name("self"));
}

export function visitNew(node: ts.NewExpression, context: Context): py.Expr {
  const global = libraryGlobal(node.expression, context);
  if (global === "Error") return context.helperCall("JsError", ...compileArguments(node, context));
  if (global !== undefined) return unsupported(node, `new ${global}()`, context);
  return py.call(context.visitExpression(node.expression), ...compileArguments(node, context));
}
