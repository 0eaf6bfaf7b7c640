// Template literals convert numbers and booleans to text as JavaScript does.

function line(name: string, count: number, done: boolean): string {
  return `${name}: ${count} item${count === 1 ? "" : "s"}, done=${done}`;
}

export function main(): unknown {
  return [line("a", 1, true), line("b", 2.5, false), `${1 / 3}`, `plain`];
}
