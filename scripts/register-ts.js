// Lets Node run the project's TypeScript entry points (build, CLI) without a separate compile step.
// Type errors are caught by `npm run lint`; here the sources are only transpiled, module by module.
const fs = require("fs");
const ts = require("typescript");

require.extensions[".ts"] = function loadTypeScript(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const output = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      esModuleInterop: true,
      sourceMap: false,
    },
  });
  module._compile(output.outputText, filename);
};
