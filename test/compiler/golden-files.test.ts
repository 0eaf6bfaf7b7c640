// A golden comparison that fails tells the reader how to regenerate the file.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expectGolden } from "./golden-files";

describe("expectGolden", () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "gr-golden-files-"));
  const file = path.join(directory, "example.py");
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test("a missing golden fails, saying so and how to generate it", () => {
    expect(() => expectGolden("x = 1\n", file, "UPDATE_GOLDEN=1 npx jest example", false)).toThrow(
      /example\.py does not exist\. If the change is intended, regenerate it with\n {2}UPDATE_GOLDEN=1 npx jest example\n/,
    );
  });

  test("a stale golden fails with the command that regenerates it, then the diff", () => {
    fs.writeFileSync(file, "x = 1\n");
    expect(() => expectGolden("x = 2\n", file, "UPDATE_GOLDEN=1 npx jest example", false)).toThrow(
      /example\.py is out of date\.[\s\S]*UPDATE_GOLDEN=1 npx jest example[\s\S]*x = 2/,
    );
  });

  test("updating writes the file, and an equal golden passes", () => {
    expectGolden("x = 3\n", file, "unused", true);
    expect(fs.readFileSync(file, "utf8")).toBe("x = 3\n");
    expect(() => expectGolden("x = 3\n", file, "unused", false)).not.toThrow();
  });
});
