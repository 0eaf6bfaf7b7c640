import * as ts from "typescript";

// JavaScript scopes `let` and `const` by block, Python by function: two loops that each declare `group` would
// otherwise need `group` and `group_2`. Two such declarations may share one Python name when their blocks do not
// overlap and no function made inside either block refers to its variable (it could run after the other block).

/** The block a `let`/`const` (or a `for...of` variable) lives in, if its name may be shared; otherwise undefined. */
export function shareableBlock(
  nameNode: ts.Identifier,
  symbol: ts.Symbol,
  checker: ts.TypeChecker,
): ts.Node | undefined {
  const declaration = nameNode.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.name !== nameNode) return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.BlockScoped) === 0) return undefined;
  const owner = list.parent;
  const block = ts.isForOfStatement(owner) ? owner : ts.isVariableStatement(owner) ? owner.parent : undefined;
  if (block === undefined || !(ts.isBlock(block) || ts.isForOfStatement(block))) return undefined;
  return isCaptured(block, symbol, checker) ? undefined : block;
}

/** Whether a function or arrow inside `block` refers to `symbol`. */
function isCaptured(block: ts.Node, symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  const visit = (node: ts.Node, inFunction: boolean): boolean => {
    if (inFunction && ts.isIdentifier(node) && node.text === symbol.name) {
      if (checker.getSymbolAtLocation(node) === symbol) return true;
    }
    const nested = inFunction || ts.isFunctionLike(node);
    return ts.forEachChild(node, (child) => visit(child, nested)) === true;
  };
  return visit(block, false);
}

/** Whether two blocks do not overlap. */
export function disjoint(a: ts.Node, b: ts.Node): boolean {
  return a.end <= b.pos || b.end <= a.pos;
}
