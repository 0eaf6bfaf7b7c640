// The figures as a console table and as the Markdown block of BENCHMARKS.md.
import type { Row } from "./figures";
import type { Results } from "./results";

const verdict = (met: boolean | null): string => (met === null ? "" : met ? "met" : "NOT MET");

export function consoleTable(results: Results, rows: readonly Row[]): string {
  const widths = [0, 0, 0];
  for (const row of rows) {
    widths[0] = Math.max(widths[0] as number, row.measure.length);
    widths[1] = Math.max(widths[1] as number, row.value.length);
    widths[2] = Math.max(widths[2] as number, row.target.length);
  }
  const lines = [
    `gamatech-ropc bench, ${results.startedAt}, ${results.durationS.toFixed(0)} s, load ${loads(results)}`,
  ];
  let section = "";
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push("", section);
    }
    const cells = [row.measure, row.value, row.target].map((cell, i) => cell.padEnd(widths[i] as number));
    lines.push(`  ${cells.join("  ")}  ${verdict(row.met)}`.trimEnd());
  }
  return lines.join("\n") + "\n";
}

export function markdownBlock(results: Results, rows: readonly Row[]): string {
  const m = results.machine;
  const lines = [
    `Run of ${results.startedAt} (${results.durationS.toFixed(0)} s${results.quick ? ", --quick" : ""}), commit ${m.commit}` +
      `${m.dirty ? " with uncommitted changes" : ""}.`,
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
      lines.push("", `**${section}**`, "", "| measure | value | target | |", "| --- | --- | --- | --- |");
    }
    lines.push(`| ${row.measure.trim()} | ${row.value} | ${row.target} | ${verdict(row.met)} |`);
  }
  return lines.join("\n");
}

function loads(results: Results): string {
  const format = (values: number[]) => values.map((v) => v.toFixed(2)).join(" ");
  return `${format(results.loadAverage.start)}, end ${format(results.loadAverage.end)}`;
}
