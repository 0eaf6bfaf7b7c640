import * as ts from "typescript";

/**
 * JavaScript hoists function declarations: a statement may call a function declared further down in the same body.
 * Python binds a `def` only when it runs, so such a function (and any later function it calls in turn) is moved up to
 * just before the first statement that needs it. Everything else keeps its source order.
 */
export function hoistFunctions(statements: readonly ts.Statement[], checker: ts.TypeChecker): ts.Statement[] {
  const position = new Map<ts.Symbol, number>();
  statements.forEach((statement, index) => {
    if (ts.isFunctionDeclaration(statement) && statement.name !== undefined && statement.body !== undefined) {
      const symbol = checker.getSymbolAtLocation(statement.name);
      if (symbol !== undefined) position.set(symbol, index);
    }
  });
  if (position.size === 0) return [...statements];
  const placed = new Set<number>();
  const ordered: ts.Statement[] = [];
  statements.forEach((statement, index) => {
    if (placed.has(index)) return;
    if (!ts.isFunctionDeclaration(statement)) {
      for (const needed of laterFunctions(statement, index, position, checker)) {
        if (!placed.has(needed)) {
          placed.add(needed);
          ordered.push(statements[needed] as ts.Statement);
        }
      }
    }
    placed.add(index);
    ordered.push(statement);
  });
  return ordered;
}

/** Indexes (ascending) of the functions declared after `index` that running `statement` may call. */
function laterFunctions(
  statement: ts.Statement,
  index: number,
  position: ReadonlyMap<ts.Symbol, number>,
  checker: ts.TypeChecker,
): number[] {
  const reached = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const symbol = checker.getSymbolAtLocation(node);
      const at = symbol === undefined ? undefined : position.get(symbol);
      if (at !== undefined && !reached.has(at)) {
        reached.add(at);
        const declaration = symbol?.valueDeclaration;
        if (declaration !== undefined) ts.forEachChild(declaration, visit);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return [...reached].filter((at) => at > index).sort((a, b) => a - b);
}
