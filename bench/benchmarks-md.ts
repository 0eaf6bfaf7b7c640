// Puts the latest figures into BENCHMARKS.md, between two markers; the prose around them is written by hand. The file is
// formatted with the project's Prettier settings, so `npm run lint` passes after a run.
import * as fs from "fs";
import * as prettier from "prettier";

const BEGIN = "<!-- bench:begin (written by npm run bench) -->";
const END = "<!-- bench:end -->";

export async function updateBenchmarksMd(file: string, block: string): Promise<void> {
  const text = fs.readFileSync(file, "utf8");
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${file} lacks the markers ${BEGIN} ... ${END}`);
  const updated = `${text.slice(0, begin + BEGIN.length)}\n\n${block}\n\n${text.slice(end)}`;
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(updated, { ...options, filepath: file }));
}
