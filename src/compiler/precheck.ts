import * as ts from "typescript";
import { Code } from "./diagnostics";
import type { Context } from "./context";

/**
 * Rejections that concern types, modifiers and declaration forms rather than a statement or expression the visitors
 * compile: they are found by one walk over each guest file, wherever they occur (type annotations included).
 */
export function precheck(sourceFile: ts.SourceFile, context: Context): void {
  const visit = (node: ts.Node): void => {
    check(node, context);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
}

function check(node: ts.Node, context: Context): void {
  switch (node.kind) {
    case ts.SyntaxKind.AnyKeyword:
      context.report(node, Code.Any, "`any` is not supported: use a precise type or `unknown`.");
      return;
    case ts.SyntaxKind.Decorator:
      context.report(node, Code.Decorator, "Decorators are not supported.");
      return;
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      context.report(
        node,
        Code.Accessor,
        "Getters and setters are not supported: use a method such as `getValue()`.",
      );
      return;
    case ts.SyntaxKind.ObjectBindingPattern:
    case ts.SyntaxKind.ArrayBindingPattern:
      context.report(
        node,
        Code.Destructuring,
        "Destructuring is not supported: read each property into its own const.",
      );
      return;
    case ts.SyntaxKind.TypeReference: {
      const name = (node as ts.TypeReferenceNode).typeName;
      if (ts.isIdentifier(name) && (name.text === "Promise" || name.text === "PromiseLike")) {
        context.report(node, Code.Async, "Promises are not supported: guest code is synchronous.");
      }
      return;
    }
    case ts.SyntaxKind.Parameter:
      if ((node as ts.ParameterDeclaration).dotDotDotToken !== undefined) {
        context.report(node, Code.Spread, "Rest parameters are not supported: take an array parameter.");
      }
      return;
    case ts.SyntaxKind.VariableDeclarationList:
      if ((node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0) {
        context.report(
          node,
          Code.Var,
          "`var` is not supported: use `const` (or `let` when the variable is reassigned).",
        );
      }
      return;
  }
  if (ts.isFunctionLike(node)) {
    const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
      context.report(node, Code.Async, "`async` functions are not supported: guest code is synchronous.");
    }
    if ("asteriskToken" in node && node.asteriskToken !== undefined) {
      context.report(node, Code.Generator, "Generators are not supported: build and return an array.");
    }
  }
}
