// Lets Node run the project's TypeScript entry points (build, CLI) without a separate compile step.
// Type errors are caught by `npm run lint`; here the sources are only transpiled, module by module. Transpiled modules are
// cached on disk by content hash, so a build does not pay for transpiling the compiler itself every time, and V8's compiled
// code of them and of TypeScript is cached too (code-cache.js).
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { compileCached } = require("./code-cache");

const CACHE_DIR = path.join(__dirname, "..", "node_modules", ".cache", "gamatech-register-ts");
const COMPILER_OPTIONS = {
  target: "ES2022",
  module: "CommonJS",
  esModuleInterop: true,
  sourceMap: false,
};
let typescript = null;

function transpile(source, filename) {
  typescript ??= require("typescript");
  const options = typescript.convertCompilerOptionsFromJson(COMPILER_OPTIONS, ".").options;
  return typescript.transpileModule(source, { fileName: filename, compilerOptions: options }).outputText;
}

function cachedTranspile(source, filename) {
  const version = require("typescript/package.json").version;
  const key = crypto.createHash("sha256").update(`${version}\0${filename}\0${source}`).digest("hex");
  const cached = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(cached, "utf8");
  } catch {
    const output = transpile(source, filename);
    try {
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      // Written under a unique name, then renamed: concurrent processes never read a half-written file.
      const temporary = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, output);
      fs.renameSync(temporary, cached);
    } catch {
      // A read-only checkout still runs, only without the cache.
    }
    return output;
  }
}

require.extensions[".ts"] = function loadTypeScript(module, filename) {
  compileCached(module, cachedTranspile(fs.readFileSync(filename, "utf8"), filename), filename, CACHE_DIR);
};

const TYPESCRIPT_MAIN = require.resolve("typescript");
const loadJavaScript = require.extensions[".js"];
require.extensions[".js"] = function loadJavaScriptCached(module, filename) {
  if (filename !== TYPESCRIPT_MAIN) return loadJavaScript(module, filename);
  compileCached(module, fs.readFileSync(filename, "utf8"), filename, CACHE_DIR);
};
