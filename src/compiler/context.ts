import * as ts from "typescript";
import { blockComments, CommentClaims, commentStatements, withComments } from "./comments";
import { disjoint, shareableBlock } from "./block-scopes";
import { type CompilerDiagnostic, Code, diagnosticAt } from "./diagnostics";
import type { StandardImport } from "./helpers";
import { NameScope, pythonName } from "./names";
import * as py from "./python/ast";
import { effectsOf, isStable } from "./python/effects";
import { nameHint, resultHint } from "./temp-names";

export type ExpressionVisitor<T extends ts.Node = ts.Node> = (node: T, context: Context) => py.Expr;
export type StatementVisitor<T extends ts.Node = ts.Node> = (node: T, context: Context) => py.Stmt[];

export type Visitor =
  | { kind: "expression"; visit: ExpressionVisitor }
  | { kind: "statement"; visit: StatementVisitor }
  | { kind: "rejected"; code: string; message: string };

export type Registry = Partial<Record<ts.SyntaxKind, Visitor>>;

interface FunctionScope {
  node: ts.Node | undefined;
  names: NameScope;
  /** Module-level Python names the function (nested functions included) refers to, computed on first need. */
  moduleReferences?: Set<string>;
  /** Block-scoped locals by guest name: their Python name and the blocks holding one (see block-scopes.ts). */
  blockLocals: Map<string, { pythonName: string; blocks: ts.Node[] }>;
}

/** Everything a visitor needs: the checker, diagnostics, names, helpers and the statements an expression must precede. */
export class Context {
  readonly diagnostics: CompilerDiagnostic[] = [];
  readonly helpers = new Set<string>();
  readonly imports = new Set<StandardImport>();
  readonly moduleNames = new NameScope();
  readonly comments = new CommentClaims();
  private readonly symbolNames = new Map<ts.Symbol, string>();
  private readonly moduleSymbols = new Map<ts.Symbol, string>();
  private readonly functions: FunctionScope[] = [
    { node: undefined, names: this.moduleNames, blockLocals: new Map() },
  ];
  private readonly preceding: py.Stmt[][] = [];
  /** Python names of the classes being compiled, innermost last (for `super`). */
  readonly classes: string[] = [];
  /** Nodes of an optional chain being compiled, and the temp holding the value tested for null. */
  readonly chainSubstitutes = new Map<ts.Node, py.Expr>();
  readonly chainMembers = new Set<ts.Node>();

  constructor(
    readonly checker: ts.TypeChecker,
    readonly root: string,
    private readonly registry: Registry,
  ) {}

  report(node: ts.Node, code: string, message: string): void {
    this.diagnostics.push(diagnosticAt(node, code, message, this.root));
  }

  useHelper(helperName: string): py.Expr {
    this.helpers.add(helperName);
    return py.name(helperName);
  }

  useImport(standardImport: StandardImport): py.Expr {
    this.imports.add(standardImport);
    return py.name(standardImport);
  }

  helperCall(helperName: string, ...args: py.Expr[]): py.Expr {
    return py.call(this.useHelper(helperName), ...args);
  }

  // ---- visiting ------------------------------------------------------------------------------------------------

  visitExpression(node: ts.Expression): py.Expr {
    const substitute = this.chainSubstitutes.get(node);
    if (substitute !== undefined) return substitute;
    const visitor = this.registry[node.kind];
    if (visitor?.kind === "expression") return visitor.visit(node, this);
    this.reject(node, visitor);
    return py.none;
  }

  visitStatement(node: ts.Statement): py.Stmt[] {
    const visitor = this.registry[node.kind];
    if (visitor?.kind === "statement") {
      const result = this.withPreceding(() => visitor.visit(node, this));
      const loc = this.location(node);
      const statements = [...result.preceding, ...result.value].map((s) =>
        s.loc === undefined ? { ...s, loc } : s,
      );
      // A block's own comments are placed by visitBlock; its trailing ones belong to the statement it ends.
      return ts.isBlock(node) ? statements : withComments(node, statements, this.comments);
    }
    this.reject(node, visitor);
    return [];
  }

  visitStatements(nodes: readonly ts.Statement[]): py.Stmt[] {
    return nodes.flatMap((n) => this.visitStatement(n));
  }

  /** A block's statements (in `statements`' order, e.g. hoisted) with the comments after `{` and before `}`. */
  visitBlock(block: ts.Block, statements: readonly ts.Statement[] = block.statements): py.Stmt[] {
    const { opening, closing } = blockComments(block, this.comments);
    return [
      ...commentStatements(opening),
      ...this.visitStatements(statements),
      ...commentStatements(closing),
    ];
  }

  private reject(node: ts.Node, visitor: Visitor | undefined): void {
    if (visitor?.kind === "rejected") this.report(node, visitor.code, visitor.message);
    else
      this.report(
        node,
        Code.UnsupportedSyntax,
        `Unsupported syntax: ${ts.SyntaxKind[node.kind]}. Use the constructs listed in docs/guest-subset.md.`,
      );
  }

  location(node: ts.Node): py.SourceLocation {
    const file = node.getSourceFile();
    return { file: file.fileName, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 };
  }

  // ---- statements an expression needs before it ------------------------------------------------------------

  /** Runs `build`, collecting the statements its expressions must execute first. */
  withPreceding<T>(build: () => T): { preceding: py.Stmt[]; value: T } {
    this.preceding.push([]);
    try {
      const value = build();
      return { preceding: this.preceding[this.preceding.length - 1] ?? [], value };
    } finally {
      this.preceding.pop();
    }
  }

  addPreceding(...statements: py.Stmt[]): void {
    const top = this.preceding[this.preceding.length - 1];
    if (top === undefined) throw new Error("no statement is being compiled");
    top.push(...statements);
  }

  /**
   * Compiles sibling expressions so that they still run in source order when a later one needs statements first
   * (`f() + (x ?? g())`, `a[i] + i++`): the values to its left are then kept in temps before those statements.
   */
  inOrder(
    nodes: readonly ts.Expression[],
    visit: (node: ts.Expression) => py.Expr = (node) => this.visitExpression(node),
  ): py.Expr[] {
    const compiled = nodes.map((node) => this.withPreceding(() => visit(node)));
    return compiled.map((c, index) => {
      this.addPreceding(...c.preceding);
      const later = compiled.slice(index + 1).flatMap((next) => next.preceding);
      return later.length === 0 || isStable(c.value, effectsOf(later)) ? c.value : this.keep(c.value);
    });
  }

  /** Binds `value` to a temp unless it is a literal: unlike once(), names too, as later statements may reassign them. */
  keep(value: py.Expr, purpose?: string): py.Expr {
    if (value.kind === "num" || value.kind === "str" || value.kind === "const") return value;
    const tempName = this.temp(
      purpose ?? (value.kind === "name" ? value.id.replace(/^_+/, "") : nameHint(value)),
    );
    this.addPreceding(py.assign(py.name(tempName), value));
    return py.name(tempName);
  }

  /** A fresh temp name in the current Python function, deterministic: `_value`, `_value_2`... or what `purpose` says. */
  temp(purpose = "value"): string {
    const scope = this.functions[this.functions.length - 1] as FunctionScope;
    return scope.names.claim(`_${purpose}`);
  }

  /**
   * A temp for the value of `node`, named for where the value goes (see resultHint); `fallback` says what it holds
   * where nothing names it.
   */
  resultTemp(node: ts.Node, fallback: string): string {
    return this.temp(resultHint(node) ?? fallback);
  }

  /** Binds `value` to a temp (unless it is already a plain name) so that it is evaluated once. */
  once(value: py.Expr, purpose?: string): py.Expr {
    if (value.kind === "name" || value.kind === "num" || value.kind === "str" || value.kind === "const")
      return value;
    const tempName = this.temp(purpose ?? nameHint(value));
    this.addPreceding(py.assign(py.name(tempName), value));
    return py.name(tempName);
  }

  // ---- names ---------------------------------------------------------------------------------------------------

  enterFunction(node: ts.Node): void {
    const parent = (this.functions[this.functions.length - 1] as FunctionScope).names;
    this.functions.push({ node, names: new NameScope(parent), blockLocals: new Map() });
  }

  exitFunction(): void {
    this.functions.pop();
  }

  /** Gives a declared symbol its Python name in the current function (or module) scope. */
  declare(nameNode: ts.Identifier, avoidOuter = false): string {
    const symbol = this.checker.getSymbolAtLocation(nameNode);
    const scope = this.functions[this.functions.length - 1] as FunctionScope;
    if (symbol === undefined) return scope.names.claim(nameNode.text);
    const existing = this.symbolNames.get(symbol);
    if (existing !== undefined) return existing;
    // Python makes a name local in the whole function once it is assigned anywhere in it. So a local must not take
    // the name of a module-level declaration the function also uses, and inside a nested function a name also used
    // outside it is numbered.
    const nested = avoidOuter || this.functions.length > 2;
    const moduleReferences = this.functions.length > 1 ? this.moduleReferencesOf(scope) : new Set<string>();
    const block = this.functions.length > 1 ? shareableBlock(nameNode, symbol, this.checker) : undefined;
    const sibling = block === undefined ? undefined : scope.blockLocals.get(nameNode.text);
    if (block !== undefined && sibling !== undefined && sibling.blocks.every((b) => disjoint(b, block))) {
      sibling.blocks.push(block);
      this.symbolNames.set(symbol, sibling.pythonName);
      return sibling.pythonName;
    }
    const claimed = scope.names.claim(
      nameNode.text,
      (candidate) => moduleReferences.has(candidate) || (nested && scope.names.hasOutside(candidate)),
    );
    if (block !== undefined && sibling === undefined)
      scope.blockLocals.set(nameNode.text, { pythonName: claimed, blocks: [block] });
    this.symbolNames.set(symbol, claimed);
    return claimed;
  }

  private moduleReferencesOf(scope: FunctionScope): Set<string> {
    if (scope.moduleReferences !== undefined) return scope.moduleReferences;
    const found = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const symbol = this.resolvedSymbol(node);
        const moduleName = symbol === undefined ? undefined : this.moduleSymbols.get(symbol);
        if (moduleName !== undefined) found.add(moduleName);
      }
      ts.forEachChild(node, visit);
    };
    if (scope.node !== undefined) visit(scope.node);
    scope.moduleReferences = found;
    return found;
  }

  /** Registers a module-level name chosen by the bundler. */
  setName(symbol: ts.Symbol, pythonIdentifier: string): void {
    this.moduleSymbols.set(symbol, pythonIdentifier);
    this.moduleSymbols.set(this.checker.getExportSymbolOfSymbol(symbol), pythonIdentifier);
    this.symbolNames.set(symbol, pythonIdentifier);
    this.symbolNames.set(this.checker.getExportSymbolOfSymbol(symbol), pythonIdentifier);
  }

  /** The Python name of an identifier that refers to a declaration (imports resolve to what they import). */
  nameOf(identifier: ts.Identifier): string {
    let symbol = this.checker.getSymbolAtLocation(identifier);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0)
      symbol = this.checker.getAliasedSymbol(symbol);
    if (symbol === undefined) return pythonName(identifier.text);
    if (isPythonBuiltin(symbol)) return identifier.text;
    const known =
      this.symbolNames.get(symbol) ?? this.symbolNames.get(this.checker.getExportSymbolOfSymbol(symbol));
    return known ?? pythonName(identifier.text);
  }

  resolvedSymbol(node: ts.Node): ts.Symbol | undefined {
    const symbol = this.checker.getSymbolAtLocation(node);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0)
      return this.checker.getAliasedSymbol(symbol);
    return symbol;
  }
}

/**
 * A function or variable declared with `declare` at the top of a guest file (such as `declare function print(...)` in
 * src/host/python.d.ts) is a Python built-in or global the guest uses directly: its name is kept as it is.
 */
function isPythonBuiltin(symbol: ts.Symbol): boolean {
  const declaration = symbol.valueDeclaration;
  if (declaration === undefined) return false;
  const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  if (!ts.isFunctionDeclaration(statement) && !ts.isVariableStatement(statement)) return false;
  const ambient = isDeclared(statement) || declaration.getSourceFile().isDeclarationFile;
  const file = declaration.getSourceFile();
  return ambient && !file.hasNoDefaultLib && ts.isSourceFile(statement.parent);
}

/** Whether a statement carries `declare`: it only describes something that exists at run time. */
export function isDeclared(statement: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
  );
}
