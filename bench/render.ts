// The figures as a console table and as the Markdown block of BENCHMARKS.md.
import type { Row } from "./figures";
import type { Results } from "./results";

const verdict = (met: boolean | null): string => (met === null ? "" : met ? "met" : "NOT MET");

const cellsOf = (row: Row): string[] =>
  row.sample === undefined
    ? [row.measure, row.value, row.target]
    : [row.measure, row.value, row.sample, row.ratio ?? "", row.target];

export function consoleTable(results: Results, rows: readonly Row[]): string {
  const widths: number[] = [];
  for (const row of rows)
    cellsOf(row).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const lines = [
    `gamatech-ropc bench, ${results.startedAt}, ${results.durationS.toFixed(0)} s, load ${loads(results)}`,
  ];
  let section = "";
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push(
        "",
        section,
        ...(row.sample === undefined ? [] : ["  (ours, the 2FA sample, ours / sample)"]),
      );
    }
    const cells = cellsOf(row).map((cell, i) => cell.padEnd(widths[i] ?? 0));
    lines.push(`  ${cells.join("  ")}  ${verdict(row.met)}`.trimEnd());
  }
  return lines.join("\n") + "\n";
}

export function markdownBlock(results: Results, rows: readonly Row[]): string {
  const m = results.machine;
  const lines = [
    `Run of ${results.startedAt} (${results.durationS.toFixed(0)} s${results.quick ? ", --quick" : ""}), commit ${m.commit}` +
      `${m.dirty ? " with uncommitted changes" : ""}.` +
      (results.jythonOnly === true
        ? " Sections 3 and 3b only (--jython); 1, 2 and 4 are the previous run's."
        : ""),
    "",
    "| machine | |",
    "| --- | --- |",
    `| CPU | ${m.cpuModel}, ${m.cpus} cores |`,
    `| memory | ${m.memoryGiB.toFixed(1)} GiB |`,
    `| OS | ${m.os} |`,
    `| Node / TypeScript | ${m.node} / ${m.typescript} |`,
    `| Java | ${m.java} |`,
    `| Jython | ${m.jython} |`,
    `| load average (1, 5, 15 min) | start ${loads(results)} |`,
  ];
  let section = "";
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      const header =
        row.sample === undefined
          ? ["| measure | value | target | |", "| --- | --- | --- | --- |"]
          : [
              "| measure | ours | 2FA sample | ours / sample | target | |",
              "| --- | --- | --- | --- | --- | --- |",
            ];
      lines.push("", `**${section}**`, "", ...header);
    }
    const [measure, ...rest] = cellsOf(row);
    lines.push(`| ${(measure ?? "").trim()} | ${rest.join(" | ")} | ${verdict(row.met)} |`);
  }
  return lines.join("\n");
}

function loads(results: Results): string {
  const format = (values: number[]) => values.map((v) => v.toFixed(2)).join(" ");
  return `${format(results.loadAverage.start)}, end ${format(results.loadAverage.end)}`;
}
