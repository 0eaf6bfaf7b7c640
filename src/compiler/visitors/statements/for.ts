import * as ts from "typescript";
import { countingLoop } from "../../counting-loops";
import type { Context } from "../../context";
import { Code } from "../../diagnostics";
import * as py from "../../python/ast";

/** `for (let i = a; i < b; i++)` as `for i in range(a, b):`; any other C-style loop is rejected (see counting-loops.ts). */
export function visitFor(node: ts.ForStatement, context: Context): py.Stmt[] {
  const loop = countingLoop(node, context.checker);
  if (typeof loop === "string") {
    context.report(
      node,
      Code.UnsupportedLoop,
      `This for loop compiles only as a counting loop, and ${loop}: use for...of over an array, or a while loop.`,
    );
    return [];
  }
  const start = context.visitExpression(loop.start);
  const bound = context.visitExpression(loop.bound);
  const counter = py.name(context.declare(loop.counter));
  const stop = !loop.inclusive
    ? bound
    : bound.kind === "num"
      ? py.num(Number(bound.text) + 1)
      : py.binop("+", bound, py.num(1));
  const args = start.kind === "num" && start.text === "0" ? [stop] : [start, stop];
  const iter = py.call(loop.lengthBound ? "range" : "xrange", ...args);
  return [{ kind: "for", target: counter, iter, body: context.visitStatement(node.statement) }];
}
