// V8's code cache for the modules the project's Node tools load: the TypeScript compiler (9 MB of JavaScript, which V8
// would otherwise parse and compile again on every build) and the project's own transpiled modules. What V8 compiled
// during a run, including the functions it compiled lazily, is written when the run exits, one file per module, entry script
// and Node version (a changed module replaces its file, so the cache does not grow with every edit), and a later run starts
// from compiled code. A cache V8 rejects (other flags, a corrupt file) costs only a slower start, and is written again.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Module = require("module");

/** Scripts compiled without usable cached code, to be cached at exit. */
const pending = [];

/** SHA-256 bytes that open each cache file: the module content the code was compiled from. */
const CONTENT_HASH_BYTES = 32;

function cacheFileFor(cacheDir, filename) {
  // Each entry script gets its own cache: a short CLI command compiles much less of TypeScript than a build does.
  const entry = path.basename(process.argv[1] ?? "");
  const key = crypto.createHash("sha256").update(`${process.version}\0${entry}\0${filename}`).digest("hex");
  return path.join(cacheDir, `v8-${key}.bin`);
}

/** The cached code for exactly this content, or undefined. */
function readCache(cacheFile, contentHash) {
  try {
    const bytes = fs.readFileSync(cacheFile);
    return bytes.subarray(0, CONTENT_HASH_BYTES).equals(contentHash)
      ? bytes.subarray(CONTENT_HASH_BYTES)
      : undefined;
  } catch {
    return undefined;
  }
}

function writePending() {
  for (const { script, cacheFile, contentHash } of pending) {
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      // Written under a unique name, then renamed: concurrent processes never read a half-written file.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, Buffer.concat([contentHash, script.createCachedData()]));
      fs.renameSync(temporary, cacheFile);
    } catch {
      // A read-only checkout still runs, only without the cache.
    }
  }
}

/** Runs a CommonJS module as Module.prototype._compile would, from V8's cached code when there is some. */
function compileCached(module, content, filename, cacheDir) {
  const cacheFile = cacheFileFor(cacheDir, filename);
  const contentHash = crypto.createHash("sha256").update(content).digest();
  const cachedData = readCache(cacheFile, contentHash);
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    if (pending.length === 0) process.once("exit", writePending);
    pending.push({ script, cacheFile, contentHash });
  }
  const moduleRequire = (id) => module.require(id);
  moduleRequire.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  moduleRequire.main = require.main;
  moduleRequire.extensions = Module._extensions;
  moduleRequire.cache = Module._cache;
  const wrapper = script.runInThisContext({ displayErrors: true });
  return wrapper.call(
    module.exports,
    module.exports,
    moduleRequire,
    module,
    filename,
    path.dirname(filename),
  );
}

module.exports = { cacheFileFor, compileCached };
