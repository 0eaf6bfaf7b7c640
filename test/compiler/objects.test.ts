import { Suite } from "./harness";

const suite = new Suite();

describe("data objects", () => {
  const setup = "interface User { name: string; age?: number; tags: string[] }";
  suite
    .testFunction(
      'const u: User = { name: "a", tags: [] }; return [u.name, u.age ?? -1, u.tags.length];',
      setup,
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const u: User = { name: "a", age: 0, tags: ["x"] }; return [u.age, u.age === undefined];',
      setup,
    )
    .expectToMatchJsResult();
  suite
    .testFunction('const u: User = { name: "a", tags: [] }; u.age = 5; u.name = "b"; return u;', setup)
    .expectToMatchJsResult();
  suite
    .testFunction('const u: User = { name: "a", tags: [] }; u.tags.push("t"); return u.tags;', setup)
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const name = "n"; const age = 3; const u: User = { name, age, tags: [] }; return u;',
      setup,
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const r: Record<string, string> = { a: "1" }; return [r["a"] ?? "none", r["b"] ?? "none", "a" in r, "b" in r];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const r: Record<string, string | null> = { a: null }; return ["a" in r, r["a"] ?? "was null"];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const o = { a: { b: { c: 1 } } }; o.a.b.c = 2; return o.a.b.c;")
    .expectToMatchJsResult();
  suite.testFunction('const o = { "x-y": 1, 2: "two" }; return [o["x-y"], o[2]];').expectToMatchJsResult();
  suite
    .testFunction(
      "type T = { readonly list: readonly number[] }; const t: T = { list: [1, 2] }; return t.list.map((n) => n + 1);",
    )
    .expectToMatchJsResult();
  suite.testFunction("const o = { n: 1 }; const same = o; same.n = 2; return o.n;").expectToMatchJsResult();
  suite
    .testFunction(
      'const rows: Record<string, number[]> = {}; rows["a"] = [1]; rows["a"]?.push(2); return rows;',
    )
    .expectToMatchJsResult();
});

describe("classes", () => {
  const counter = `
class Counter {
  count = 0;
  readonly label: string;
  constructor(label: string, private readonly step: number = 1) {
    this.label = label;
  }
  increment(): number {
    this.count += this.step;
    return this.count;
  }
  describe(): string {
    return \`\${this.label}=\${this.count}\`;
  }
}`;
  suite
    .testFunction(
      'const c = new Counter("a"); c.increment(); c.increment(); return [c.count, c.describe()];',
      counter,
    )
    .expectToMatchJsResult();
  suite
    .testFunction('const c = new Counter("b", 5); c.increment(); return c.describe();', counter)
    .expectToMatchJsResult();
  suite
    .testFunction('const c = new Counter("c"); return [c instanceof Counter, c.label];', counter)
    .expectToMatchJsResult();
  const shapes = `
abstract class Shape {
  constructor(readonly name: string) {}
  abstract area(): number;
  describe(): string {
    return this.name + ":" + this.area();
  }
}
class Square extends Shape {
  constructor(private readonly side: number) {
    super("square");
  }
  area(): number {
    return this.side * this.side;
  }
}
class Unit extends Square {
  extra = "u";
  override describe(): string {
    return "unit " + super.describe() + this.extra;
  }
}`;
  suite
    .testFunction("return [new Square(3).describe(), new Square(1.5).area()];", shapes)
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const u = new Unit(1); return [u.describe(), u instanceof Square, u instanceof Shape];",
      shapes,
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const s: Shape = new Square(2); return [s instanceof Unit, s.name];", shapes)
    .expectToMatchJsResult();
  const service = `
interface Greeter { greet(name: string): string }
class Polite implements Greeter {
  greet(name: string): string { return "Dear " + name; }
}
function welcome(g: Greeter, who: string): string { return g.greet(who); }`;
  suite.testFunction('return welcome(new Polite(), "Ann");', service).expectToMatchJsResult();
  suite
    .testFunction(
      "class Node2 { next: Node2 | null = null; constructor(readonly value: number) {} } const a = new Node2(1); a.next = new Node2(2); return [a.value, a.next.value, a.next.next === null];",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'class Bag { items: string[] = []; add(item: string): Bag { this.items.push(item); return this; } } return new Bag().add("a").add("b").items;',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "class Acc { total = 0; addAll(xs: number[]): number { for (const x of xs) { this.total += x; } return this.total; } } return new Acc().addAll([1, 2, 3]);",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "class K { constructor(readonly factor: number) {} scale(xs: number[]): number[] { return xs.map((x) => x * this.factor); } } return new K(3).scale([1, 2]);",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'class Named { print = "p"; constructor(readonly type: string) {} str(): string { return this.type + this.print; } } return new Named("t").str();',
    )
    .expectToMatchJsResult();
});

describe("more classes", () => {
  const base = `
class Base {
  constructor(readonly a: number, readonly b: string = "b") {}
  describe(): string { return this.a + this.b; }
  maybe(): Base | null { return this.a > 0 ? this : null; }
}
class Derived extends Base {
  tag = "d";
}`;
  suite
    .testFunction('const d = new Derived(1, "x"); return [d.describe(), d.tag, d instanceof Base];', base)
    .expectToMatchJsResult();
  suite.testFunction("const d = new Derived(2); return d.describe() + d.tag;", base).expectToMatchJsResult();
  suite
    .testFunction(
      "const a = new Base(1).maybe()?.describe(); const b = new Base(-1).maybe()?.describe(); return [a, b ?? null];",
      base,
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'class Runner { run(): string { return "ran"; } } const rs: (Runner | null)[] = [new Runner(), null]; return rs.map((r) => r?.run() ?? "none");',
    )
    .expectToMatchJsResult();
});

describe("names that are special in Python", () => {
  suite
    .testFunction(
      'const len = 3; const str = "s"; const type = "t"; const list = [len]; return [len, str, type, list];',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      "const None = 1; const lambda = 2; const pass = 3; const self = 4; return None + lambda + pass + self;",
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'function print(from: string, is: number): string { return from + is; } return print("a", 1);',
    )
    .expectToMatchJsResult();
  suite
    .testFunction(
      'const _js_str = "mine"; const _tmp = 1; let v: number | null = null; v ??= _tmp; return [_js_str, v, "" + v];',
    )
    .expectToMatchJsResult();
  suite
    .testModule(
      `function total(xs: number[]): number { let sum = 0; for (const x of xs) { sum += x; } return sum; }
export function main(): unknown {
  if (total([1]) > 0) {
    const total = 5;
    return total;
  }
  return total([2, 3]);
}`,
    )
    .expectToMatchJsResult();
  suite
    .testModule(
      `const limit = 10;
export function main(): unknown {
  const read = (): number => limit;
  const first = read();
  { const limit = 3; return [first, limit, read()]; }
}`,
    )
    .expectToMatchJsResult();
  suite
    .testFunction("const x = 1; const f = (): number => { const x = 2; return x; }; return [f(), x];")
    .expectToMatchJsResult();
  suite
    .testFunction("const x = 1; if (x > 0) { const y = 2; return y + x; } else { const y = 3; return y; }")
    .expectToMatchJsResult();
  suite
    .testFunction(
      "let out = 0; for (const v of [1, 2]) { const sq = v * v; out += sq; } for (const v of [3]) { const sq = v + 1; out += sq; } return out;",
    )
    .expectToMatchJsResult();
});
