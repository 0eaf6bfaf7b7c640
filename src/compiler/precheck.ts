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
    case ts.SyntaxKind.Identifier:
      // Python 2 identifiers are ASCII: a module with any other name does not load.
      if (/[^\x00-\x7f]/.test((node as ts.Identifier).text)) {
        context.report(
          node,
          Code.NameCollision,
          `The name '${(node as ts.Identifier).text}' has non-ASCII letters, which Python 2 names cannot hold: use an ASCII name.`,
        );
      }
      return;
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateHead:
    case ts.SyntaxKind.TemplateMiddle:
    case ts.SyntaxKind.TemplateTail:
      if (hasLoneSurrogate((node as ts.LiteralLikeNode).text)) {
        context.report(
          node,
          Code.LoneSurrogate,
          "A string with an unpaired surrogate (\\uD800-\\uDFFF alone) cannot be held by a Jython string: use whole characters.",
        );
      }
      return;
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

/** A UTF-16 surrogate without its partner: JavaScript strings may hold one, Jython's unicode cannot. */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}
