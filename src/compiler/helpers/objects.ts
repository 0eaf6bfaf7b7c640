// JSON and errors.
import type { Helper } from "./index";

export const OBJECT_HELPERS: Helper[] = [
  {
    name: "_js_json_stringify",
    uses: ["_js_str", "_INF", "_JS_PLAIN_LIMIT", "_js_keys"],
    imports: ["json", "re"],
    code: `# Strings that JSON writes as they are between quotes; the others go through one encoder made once (json.dumps with
# an option makes a new encoder on every call).
_JS_JSON_PLAIN = re.compile(r'[^"\\\\\\x00-\\x1f]*\\Z')
_JS_JSON_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _js_json_stringify(value):
    """JSON.stringify: no spaces, keys in JavaScript's order, non-ASCII kept, integral numbers without ".0"."""
    # The usual values first: text, and integers as _js_str writes them (only a float can be NaN or infinite; type()
    # leaves out bool).
    if isinstance(value, basestring):
        return '"' + value + '"' if _JS_JSON_PLAIN.match(value) else _JS_JSON_ENCODER.encode(value)
    if type(value) is int or type(value) is long and -_JS_PLAIN_LIMIT < value < _JS_PLAIN_LIMIT:
        return unicode(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, long, float)):
        return _js_str(value) if value == value and value not in (_INF, -_INF) else "null"
    if isinstance(value, dict):
        members = [_js_json_member(key, value[key]) for key in _js_keys(value)]
        return "{" + ",".join(members) + "}"
    return "[" + ",".join(_js_json_stringify(item) for item in value) + "]"


def _js_json_member(key, value):
    return _js_json_string(key) + ":" + _js_json_stringify(value)


def _js_json_string(text):
    return '"' + text + '"' if _JS_JSON_PLAIN.match(text) else _JS_JSON_ENCODER.encode(text)`,
  },
  {
    name: "JsError",
    uses: [],
    imports: [],
    code: `class JsError(Exception):
    """JavaScript's Error: guest error classes derive from it and carry a message."""

    name = "Error"

    def __init__(self, message=""):
        Exception.__init__(self, message)
        self.message = message`,
  },
];
