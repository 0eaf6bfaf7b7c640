// Forms a person would write in Python, where they are exactly equivalent.

function render(template: string, code: string, app: string): string {
  // split + join of a literal is replace.
  return template.split("{code}").join(code).split("{app}").join(app);
}

function firstOr(items: number[], fallback: string): string {
  return String(items[0] ?? 0) + fallback;
}

export function main(): unknown {
  return [render("{app}: your code is {code} ({code})", "1234", "Demo"), firstOr([], "!"), firstOr([7], "?")];
}
