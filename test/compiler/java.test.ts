import { Suite } from "./harness";

// Java interplay runs in Jython only (JavaScript has no Java), against classes of the JDK.
const suite = new Suite();
suite.declare(
  "jdk.d.ts",
  `
declare module "java:java.lang" {
  export class Integer {
    private constructor();
    static parseInt(text: string): number;
  }
  export class Thread {
    constructor(target: Runnable);
    run(): void;
  }
  export abstract class Runnable {
    abstract run(): void;
  }
  export class StringBuilder {
    constructor();
    append(text: string): StringBuilder;
    toString(): string;
  }
}
declare module "java:java.util" {
  export class ArrayList<T> {
    constructor();
    add(item: T): boolean;
    size(): number;
    get(index: number): T;
  }
}
declare function print(text: string): void;
declare const __name__: string;
`,
);

const JAVA =
  'import { Integer, Thread, Runnable, StringBuilder } from "java:java.lang";\nimport { ArrayList } from "java:java.util";\n';

describe("Java exceptions are caught", () => {
  suite
    .testFunction('try { return Integer.parseInt("12x"); } catch (e) { return "caught"; }', JAVA)
    .expectJythonResult("caught");
  suite
    .testFunction(
      'try { return Integer.parseInt("12x"); } catch (e) { return e instanceof Error ? e.message : "not an Error"; }',
      JAVA,
    )
    .expectJythonResult('For input string: "12x"');
  suite
    .testFunction(
      'const log: string[] = []; try { try { Integer.parseInt("x"); } finally { log.push("finally"); } } catch (e) { log.push("outer"); } return log;',
      JAVA,
    )
    .expectJythonResult(["finally", "outer"]);
  suite.testFunction('return Integer.parseInt("-42") + 1;', JAVA).expectJythonResult(-41);
  suite
    .testFunction(
      'try { try { Integer.parseInt("q"); } catch (e) { throw e; } } catch (outer) { return outer instanceof Error ? outer.message : "?"; } return "none";',
      JAVA,
    )
    .expectJythonResult('For input string: "q"');
  suite
    .testFunction(
      'try { const list = new ArrayList<string>(); return list.get(3); } catch (e) { return e instanceof Error ? "index error" : "?"; }',
      JAVA,
    )
    .expectJythonResult("index error");
  suite
    .testFunction(
      'try { JSON.parse("{"); return "parsed"; } catch (e) { return e instanceof Error && e.message.length > 0; }',
    )
    .expectJythonResult(true);
});

describe("Java objects", () => {
  suite
    .testFunction(
      'const b = new StringBuilder(); b.append("a").append("ü"); return b.toString() + "!";',
      JAVA,
    )
    .expectJythonResult("aü!");
  suite
    .testFunction(
      'const list = new ArrayList<string>(); list.add("x"); list.add("y"); return [list.size(), list.get(1)];',
      JAVA,
    )
    .expectJythonResult([2, "y"]);
  suite
    .testFunction(
      'class Task implements Runnable { ran: string[] = []; run(): void { this.ran.push("ran"); } } const t = new Task(); new Thread(t).run(); return t.ran;',
      JAVA,
    )
    .expectJythonResult(["ran"]);
  suite.testFunction('print("printed"); return "after print";').expectJythonResult("after print");
  suite.testFunction("return __name__;").expectJythonResult("case");
});
