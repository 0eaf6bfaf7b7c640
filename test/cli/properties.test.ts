import { CONFIG_PROPERTIES } from "../../src/flow/config";
import { runInProcess, runProcess } from "./run-cli";

test("lists every property with its requirement, default, accepted values and meaning", () => {
  const result = runProcess(["properties"]);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe("");
  for (const item of CONFIG_PROPERTIES) {
    const block = result.stdout.split("\n\n").find((text) => text.startsWith(item.name + "  ("));
    expect(block).toBeDefined();
    expect(block).toContain(item.requirement);
    expect(block).toContain(`default:   ${item.defaultValue === "" ? "none" : item.defaultValue}`);
    expect(block).toContain(`accepted:  ${item.accepted}`);
    expect(block).toContain(`meaning:   ${item.meaning}`);
    expect(block?.includes(", secret)")).toBe(item.secret);
  }
});

test("--json prints the definitions themselves", () => {
  const result = runInProcess(["properties", "--json"]);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual(CONFIG_PROPERTIES);
});

test.each([
  [["properties", "--yaml"], "unknown option --yaml"],
  [["properties", "extra"], "unexpected argument extra"],
  [["properties", "--json=1"], "--json takes no value"],
])("bad arguments %j: exit 2", (argv, reason) => {
  const result = runInProcess(argv);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`gamatech-ropc properties: ${reason}\n`);
});
