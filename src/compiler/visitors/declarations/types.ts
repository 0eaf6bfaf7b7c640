import * as ts from "typescript";
import { asLines, commentStatements, leadingComments } from "../../comments";
import type { Context } from "../../context";
import type * as py from "../../python/ast";

/**
 * An interface or type alias is erased, but what its author wrote about it and its members still tells a reader what
 * the dicts and objects of the Python hold: it stays as a `#` block naming the type and each commented member.
 */
export function visitTypeDeclaration(
  node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration,
  context: Context,
): py.Stmt[] {
  const own = asLines(leadingComments(node, context.comments));
  const members = ts.isInterfaceDeclaration(node)
    ? node.members
    : ts.isTypeLiteralNode(node.type)
      ? node.type.members
      : undefined;
  const described = (members ?? []).flatMap((member) => {
    const lines = asLines(leadingComments(member, context.comments));
    const [first, ...rest] = lines;
    const memberName =
      member.name !== undefined && ts.isIdentifier(member.name) ? member.name.text : undefined;
    if (first === undefined || memberName === undefined) return [];
    return [`  ${memberName}: ${first}`, ...rest.map((line) => `    ${line}`)];
  });
  if (own.length === 0 && described.length === 0) return [];
  return commentStatements([`${node.name.text}:`, ...own.map((line) => `  ${line}`), ...described]);
}
