// Counts the execution samples of `jfr print --events jdk.ExecutionSample` text: which step each belongs to (from the
// step marker profile_bench.py calls authenticate through), the Python functions on its stack, the Java method the Python code was calling,
// and the leaf frame.

export interface StepCounts {
  samples: number;
  /** Each Python function counted once per sample it is on the stack of: inclusive shares. */
  python: Record<string, number>;
  /** The innermost Python function of each sample: where the interpreted code itself was. */
  pythonSelf: Record<string, number>;
  /** The Java method nearest the Python frame that called it: what the script's own code asked Java to do. */
  java: Record<string, number>;
  leaf: Record<string, number>;
  /** The candidate fixes' groups of frames (GROUPS), each counted once per sample with any of its frames: inclusive. */
  groups: Record<string, number>;
}

export interface ProfileSummary {
  total: number;
  /** Samples per step or thread kind. */
  byPlace: Record<string, number>;
  bySteps: Record<string, StepCounts>;
}

// profile_bench.py makes each authenticate call inside the marker function of its step.
const STEP_MARKERS: Record<string, string> = {
  "main:in_start": "start",
  "main:in_code": "code",
  "main:in_password": "password",
};
// What a fix would target, by the frames it would remove or make cheaper; groups overlap (a JSON call inside a claim is in
// both), so their shares do not add up.
const GROUPS: [string, RegExp][] = [
  ["JSON: json module, _js_json_*", /^(json(\.\w+)?:|script:_js_json_)/],
  // Jython names a method by its name only: JsObject's __init__ cannot be told from other classes' constructors.
  [
    "records: JsObject.__setitem__ (or OrderedDict: collections, _abcoll)",
    /^((collections|_abcoll|abc):|script:(__setitem__|_js_unique)$)/,
  ],
  ["keyed hashes: hmacSha256Hex", /^script:hmacSha256Hex$/],
  ["  of which Mac.getInstance", /^javax\.crypto\.Mac\.getInstance$/],
  ["  of which Mac.init (key set-up)", /^javax\.crypto\.Mac\.init$/],
  ["  of which hex_ (bytes to hex in Python)", /^script:hex_$/],
  [
    "JavaScript number semantics: _js_number, _js_str, _js_double...",
    /^script:_js_(number|number_str|str|double|normalize|div|mod|mul)$/,
  ],
  ["  of which the re module (sre)", /^org\.python\.modules\.sre\./],
  [
    "log lines: writeEvent, formatEventLine, escaped, hex4",
    /^script:(writeEvent|formatEventLine|logSafe|logQuoted|escaped|hex4)$/,
  ],
  ["answer header: formatHeader, headerSafe", /^script:(formatHeader|headerSafe|ropcHeaderValue)$/],
  [
    "character loops: isDigits, isLowerHex, isSessionIdFormat...",
    /^script:(isDigits|isLowerHex|isSessionIdFormat|hasControlCharacter|containsAnyOf|isSimpleName|isE164|plausibleAddress|isIpv4Literal|isIpv6Literal|allCharacters)$/,
  ],
  [
    "claims: claimSlot, claimOnce, fullFor, slotExpiry...",
    /^script:(claimSlot|claimOnce|fullFor|heldFor|heldSeconds|releaseAll|claimSends|claimFailure|claimCooldown|slotExpiry)$/,
  ],
  ["the session lock: ReentrantLock", /^java\.util\.concurrent\.locks\.ReentrantLock\./],
  ["session state: serializeState, parseState, canonical", /^script:(serializeState|parseState|canonical)$/],
  ["reading the request: readFlowRequest", /^script:readFlowRequest$/],
  ["store operations: CacheService", /^io\.jans\.service\.CacheService\./],
  [
    "SMS hand-off: executor submit, Future.get",
    /^java\.util\.concurrent\.(ThreadPoolExecutor\.execute|FutureTask\.(get|awaitDone)|AbstractExecutorService\.submit)$/,
  ],
  ["twilio-java SDK", /^com\.twilio\./],
  [
    "Python exceptions made (noAttributeError, Py.JavaError)",
    /^org\.python\.core\.(PyObject\.noAttributeError|Py\.JavaError|PyException\.<init>)$/,
  ],
];
// How Jython reaches a Java method a script calls, and Jython's own run time.
const REFLECTION = [/^jdk\.internal\.reflect\./, /^java\.lang\.reflect\./, /^java\.lang\.invoke\./];
const JYTHON = /^org\.python\./;

interface Frame {
  /** "module:function" for a Python frame, "Class.method" for a Java frame. */
  name: string;
  python: boolean;
}

export function countSamples(text: string): ProfileSummary {
  const summary: ProfileSummary = { total: 0, byPlace: {}, bySteps: {} };
  for (const event of text.split("jdk.ExecutionSample {").slice(1)) {
    const thread = /sampledThread = "([^"]*)"/.exec(event)?.[1] ?? "?";
    const frames = stackOf(event);
    summary.total++;
    const place = placeOf(frames, thread);
    summary.byPlace[place] = (summary.byPlace[place] ?? 0) + 1;
    const counts = (summary.bySteps[place] ??= {
      samples: 0,
      python: {},
      pythonSelf: {},
      groups: {},
      java: {},
      leaf: {},
    });
    counts.samples++;
    for (const name of new Set(frames.filter((f) => f.python).map((f) => f.name))) bump(counts.python, name);
    const innermost = frames.find((f) => f.python);
    if (innermost !== undefined) bump(counts.pythonSelf, innermost.name);
    const called = calledFromPython(frames);
    if (called !== undefined) bump(counts.java, called);
    bump(counts.leaf, frames[0]?.name ?? "?");
    for (const [group, pattern] of GROUPS)
      if (frames.some((f) => pattern.test(f.name))) bump(counts.groups, group);
  }
  return summary;
}

function stackOf(event: string): Frame[] {
  const frames: Frame[] = [];
  const start = event.indexOf("stackTrace = [");
  for (const line of event.slice(start).split("\n").slice(1)) {
    const trimmed = line.trim();
    if (trimmed === "]" || trimmed === "") break;
    const call = trimmed.slice(0, trimmed.indexOf("("));
    const dot = call.lastIndexOf(".");
    const [type, method] = [call.slice(0, dot), call.slice(dot + 1)];
    const main = /^org\.python\.pycode\._pyx\d+$/.test(type);
    if (type.endsWith("$py") || main) {
      // Jython compiles a function f of module m into the method f$N of class m$py; the main file's class is _pyxN.
      const module = main ? "main" : type.slice(0, -3).replace(/^gamatech_loaded_script\d+$/, "script");
      const fn = method.replace(/\$\d+$/, "");
      if (fn !== "call_function") frames.push({ name: `${module}:${fn}`, python: true });
    } else if (trimmed !== "...") {
      frames.push({ name: call, python: false });
    }
  }
  return frames;
}

function placeOf(frames: Frame[], thread: string): string {
  for (const frame of frames) {
    const step = STEP_MARKERS[frame.name];
    if (step !== undefined) return `step ${step}`;
  }
  if (frames.some((f) => f.name.startsWith("script:")))
    return `script code on thread ${thread.replace(/\d+/g, "N")}`;
  if (frames.some((f) => f.name.startsWith("gamatech.testkit.twilio."))) return "fake Twilio API (the world)";
  if (frames.some((f) => f.name.startsWith("bench_world:") || f.name.startsWith("main:")))
    return "bench driver (the client)";
  return `other: thread ${thread.replace(/\d+/g, "N")}`;
}

/**
 * What the innermost Python frame was waiting on: the Java method it called through reflection (the script's own call
 * into Java, e.g. javax.crypto.Mac.doFinal), or else the innermost Jython runtime method (attribute look-up, calls,
 * exceptions), marked "(Jython)".
 */
function calledFromPython(frames: Frame[]): string | undefined {
  const i = frames.findIndex((f) => f.python);
  if (i <= 0) return undefined;
  let jython: string | undefined;
  let reflected = false;
  for (let j = i - 1; j >= 0; j--) {
    const frame = frames[j] as Frame;
    if (REFLECTION.some((pattern) => pattern.test(frame.name))) reflected = true;
    else if (JYTHON.test(frame.name)) jython = frame.name;
    else return reflected ? frame.name : `(Jython) ${jython ?? frame.name}`;
  }
  return `(Jython) ${jython ?? "?"}`;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
