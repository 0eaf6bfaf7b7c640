import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { isArrayLike, isStringish, typeOf } from "../../types";
import { visitCondition } from "../expressions/conditions";

export function visitIf(node: ts.IfStatement, context: Context): py.Stmt[] {
  const test = visitCondition(node.expression, context, "condition of 'if'");
  const body = context.visitStatement(node.thenStatement);
  const orelse = node.elseStatement === undefined ? [] : context.visitStatement(node.elseStatement);
  return [{ kind: "if", test, body, orelse }];
}

/** A condition needing statements of its own is re-evaluated on each turn: `while True:` ... `if not c: break`. */
export function visitWhile(node: ts.WhileStatement, context: Context): py.Stmt[] {
  const condition = context.withPreceding(() =>
    visitCondition(node.expression, context, "condition of 'while'"),
  );
  const body = context.visitStatement(node.statement);
  if (condition.preceding.length === 0) return [{ kind: "while", test: condition.value, body }];
  const exit: py.Stmt = { kind: "if", test: py.not(condition.value), body: [{ kind: "break" }], orelse: [] };
  return [{ kind: "while", test: py.bool(true), body: [...condition.preceding, exit, ...body] }];
}

export function visitForOf(node: ts.ForOfStatement, context: Context): py.Stmt[] {
  if (node.awaitModifier !== undefined) {
    context.report(node, Code.Async, "`for await` is not supported: guest code is synchronous.");
  }
  const iterableType = typeOf(context.checker, node.expression);
  if (!isArrayLike(context.checker, iterableType) && !isStringish(iterableType)) {
    context.report(
      node.expression,
      Code.UnsupportedLoop,
      "for...of is supported over arrays and strings only.",
    );
  }
  const initializer = node.initializer;
  let target: py.Expr = py.name("_");
  if (ts.isVariableDeclarationList(initializer)) {
    const declaration = initializer.declarations[0];
    if (declaration !== undefined && ts.isIdentifier(declaration.name))
      target = py.name(context.declare(declaration.name));
  } else {
    context.report(
      initializer,
      Code.UnsupportedLoop,
      "Declare the loop variable in the loop: `for (const x of xs)`.",
    );
  }
  const iterable = context.visitExpression(node.expression);
  return [{ kind: "for", target, iter: iterable, body: context.visitStatement(node.statement) }];
}

export function visitUnsupportedLoop(node: ts.DoStatement, context: Context): py.Stmt[] {
  context.report(node, Code.UnsupportedLoop, "do...while is not supported: use a while loop.");
  return [];
}

/**
 * try/catch/finally. The handler names Python's Exception and Java's Throwable: in Jython `except Exception` does not
 * catch Java exceptions, and a guest `catch` must catch everything, as in JavaScript.
 */
export function visitTry(node: ts.TryStatement, context: Context): py.Stmt[] {
  const body = context.visitBlock(node.tryBlock);
  const handlers: py.ExceptHandler[] = [];
  if (node.catchClause !== undefined) {
    const variable = node.catchClause.variableDeclaration;
    let boundName: string | undefined;
    if (
      variable !== undefined &&
      ts.isIdentifier(variable.name) &&
      isUsed(variable.name, node.catchClause.block, context)
    ) {
      boundName = context.declare(variable.name);
    }
    handlers.push({
      type: { kind: "tuple", items: [py.name("Exception"), context.useImport("Throwable")] },
      name: boundName,
      body: context.visitBlock(node.catchClause.block),
    });
  }
  const final = node.finallyBlock === undefined ? [] : context.visitBlock(node.finallyBlock);
  return [{ kind: "try", body, handlers, finally: final }];
}

function isUsed(name: ts.Identifier, scope: ts.Node, context: Context): boolean {
  const symbol = context.checker.getSymbolAtLocation(name);
  const search = (node: ts.Node): boolean =>
    (ts.isIdentifier(node) && context.checker.getSymbolAtLocation(node) === symbol) ||
    ts.forEachChild(node, search) === true;
  return symbol !== undefined && search(scope);
}
