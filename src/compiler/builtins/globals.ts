import * as ts from "typescript";
import { Code } from "../diagnostics";
import type { Context } from "../context";
import type * as py from "../python/ast";
import { BUILTINS, type BuiltinOwner, isBuiltin } from "./catalog";
import { jsonCall } from "./json";
import { mathCall, mathProperty } from "./math";
import { globalFunctionCall, numberCall, numberProperty } from "./number";
import { objectCall } from "./object";

/** The name of a JavaScript global (Math, JSON, Number...) when `node` refers to one rather than to a guest value. */
export function libraryGlobal(node: ts.Expression, context: Context): string | undefined {
  if (!ts.isIdentifier(node)) return undefined;
  const symbol = context.resolvedSymbol(node);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  return declaration?.getSourceFile().hasNoDefaultLib === true ? node.text : undefined;
}

export function libraryProperty(node: ts.PropertyAccessExpression, context: Context): py.Expr | undefined {
  const owner = libraryGlobal(node.expression, context);
  if (owner === undefined) return undefined;
  if (!isCatalogued(owner, node.name.text)) return unsupported(node, `${owner}.${node.name.text}`, context);
  switch (owner) {
    case "Math":
      return mathProperty(node, context);
    case "Number":
      return numberProperty(node, context);
  }
  return unsupported(node, `${owner}.${node.name.text}`, context);
}

/** Calls of JavaScript globals: `Math.floor(x)`, `JSON.stringify(v)`, `String(x)`... */
export function libraryCall(node: ts.CallExpression, context: Context): py.Expr | undefined {
  const callee = node.expression;
  const global = libraryGlobal(callee, context);
  if (global !== undefined && !isBuiltin("globals", global)) return unsupported(node, `${global}()`, context);
  if (global !== undefined) return globalFunctionCall(global, node, context);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const owner = libraryGlobal(callee.expression, context);
  if (owner === undefined) return undefined;
  const methodName = callee.name.text;
  if (!isCatalogued(owner, methodName)) return unsupported(node, `${owner}.${methodName}`, context);
  switch (owner) {
    case "Math":
      return mathCall(methodName, node, context);
    case "JSON":
      return jsonCall(methodName, node, context);
    case "Number":
      return numberCall(methodName, node, context);
    case "Object":
      return objectCall(methodName, node, context);
  }
  return unsupported(node, `${owner}.${methodName}`, context);
}

/** Whether the catalog lists `owner.member` (owners it does not know are reported by the caller). */
function isCatalogued(owner: string, member: string): boolean {
  return !(owner in BUILTINS) || owner === "globals" || isBuiltin(owner as BuiltinOwner, member);
}

export function unsupported(node: ts.Node, what: string, context: Context): py.Expr {
  context.report(
    node,
    Code.UnsupportedBuiltin,
    `${what} is not supported. The built-ins guest code can use are listed in docs/guest-subset.md.`,
  );
  return { kind: "const", value: "None" };
}

/** Compiles the arguments, reporting a call whose argument count the mapping does not handle. */
export function argumentsOf(
  node: ts.CallExpression,
  context: Context,
  what: string,
  min: number,
  max: number,
): py.Expr[] {
  if (node.arguments.length < min || node.arguments.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    context.report(node, Code.UnsupportedBuiltin, `${what} is supported with ${expected} argument(s) only.`);
  }
  return context.inOrder(node.arguments);
}
