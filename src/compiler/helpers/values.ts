// Records, equality, membership, object keys, JSON.parse and freezing: where Python's dict order, ==, `in` or json module
// differ from JavaScript's.
import type { Helper } from "./index";

export const VALUE_HELPERS: Helper[] = [
  {
    name: "JsObject",
    uses: [],
    imports: [],
    // Jython's dict is a hash map (no order), and its OrderedDict is pure Python: a linked-list node per key and a caught
    // AttributeError per construction, several times the cost of this list of keys. The subset has no \`delete\`, so keys
    // are only ever added.
    code: `class JsObject(dict):
    """A JavaScript object: a dict whose keys(), and iteration, follow the order in which the keys were first set."""

    __slots__ = ("_order",)

    def __init__(self, pairs=()):
        dict.__init__(self, pairs)
        self._order = [key for key, _ in pairs]
        if len(self._order) > len(self):
            # JSON.parse keeps a repeated key in its first place (with its last value).
            self._order = _js_unique(self._order)

    def __setitem__(self, key, value):
        if key not in self:
            self._order.append(key)
        dict.__setitem__(self, key, value)

    def keys(self):
        return list(self._order)

    def __iter__(self):
        return iter(self._order)


def _js_unique(keys):
    seen = set()
    unique = []
    for key in keys:
        if key not in seen:
            seen.add(key)
            unique.append(key)
    return unique`,
  },
  {
    name: "_js_strict_eq",
    uses: [],
    imports: [],
    code: `def _js_strict_eq(left, right):
    """===: strings and numbers by value (True is not 1), everything else by identity."""
    if isinstance(left, basestring) and isinstance(right, basestring):
        return left == right
    if isinstance(left, bool) or isinstance(right, bool):
        return left is right
    numbers = (int, long, float)
    if isinstance(left, numbers) and isinstance(right, numbers):
        return left == right
    return left is right`,
  },
  {
    name: "_js_includes",
    uses: ["_js_strict_eq"],
    imports: [],
    code: `def _js_includes(items, value):
    """Array.prototype.includes: === except that NaN finds NaN."""
    if isinstance(value, float) and value != value:
        return any(isinstance(item, float) and item != item for item in items)
    return any(_js_strict_eq(item, value) for item in items)`,
  },
  {
    name: "_js_each",
    uses: [],
    imports: [],
    code: `def _js_each(items):
    """The items an iteration method visits: those present when it starts, each read when its turn comes."""
    for index in range(len(items)):
        if index < len(items):
            yield items[index]`,
  },
  {
    name: "_js_keys",
    uses: [],
    imports: ["re"],
    code: `_JS_ARRAY_INDEX = re.compile(r"^(0|[1-9][0-9]*)$")
_JS_INDEX_LIMIT = 2 ** 32 - 1  # array indices stop below it


def _js_keys(value):
    """Object.keys: integer-like keys first, in ascending order, then the others in insertion order."""
    keys = value.keys()
    indices = [key for key in keys if _JS_ARRAY_INDEX.match(key) and int(key) < _JS_INDEX_LIMIT]
    if not indices:
        return keys
    return sorted(indices, key=int) + [key for key in keys if key not in indices]`,
  },
  {
    name: "_js_json_parse",
    uses: ["JsObject", "_js_double", "_js_normalize"],
    imports: ["json"],
    code: `def _js_json_parse(text):
    """JSON.parse: objects keep their key order, NaN and Infinity are syntax errors, big integers become doubles."""
    return _JS_JSON_DECODER.decode(text)


def _js_json_int(digits):
    # Up to 9 characters fit Jython's 32-bit int, exactly; past them long() reads several times faster than int().
    if len(digits) < 10:
        return int(digits) if digits != "-0" else -0.0
    return _js_double(long(digits))


def _js_json_float(digits):
    return _js_normalize(float(digits))


def _js_json_constant(name):
    raise ValueError("JSON.parse: unexpected token " + name)


# One decoder made once and shared, like json.loads's own default one: json.loads with an option makes a new decoder on
# every call.
_JS_JSON_DECODER = json.JSONDecoder(
    object_pairs_hook=JsObject,
    parse_int=_js_json_int,
    parse_float=_js_json_float,
    parse_constant=_js_json_constant,
)`,
  },
  {
    name: "_js_freeze",
    uses: ["JsObject"],
    imports: [],
    code: `class _JsFrozenObject(JsObject):
    """An object after Object.freeze: writing to it throws a TypeError, as in JavaScript's strict mode."""

    __slots__ = ()  # the same layout as JsObject, so that an object can change to this class

    def _frozen(self, *args, **kwargs):
        raise TypeError("Cannot assign to a property of a frozen object")

    __setitem__ = __delitem__ = update = setdefault = pop = popitem = clear = _frozen


def _js_freeze(value):
    if isinstance(value, JsObject):
        value.__class__ = _JsFrozenObject
    return value`,
  },
  {
    name: "_js_set_item",
    uses: [],
    imports: [],
    code: `def _js_set_item(items, index, value):
    """items[index] = value: an index at or past the end grows the array, the gap holding undefined."""
    if isinstance(index, float) and index == index and index == int(index):
        index = int(index)
    if not isinstance(index, (int, long)) or isinstance(index, bool) or index < 0:
        raise TypeError("array index %r: only integers from 0 are supported" % (index,))
    if index >= len(items):
        items.extend([None] * (index + 1 - len(items)))
    items[index] = value
    return value`,
  },
  {
    name: "_js_slice",
    uses: ["_INF"],
    imports: [],
    code: `def _js_slice(sequence, start, end=None):
    """slice() with JavaScript's bounds: fractions are truncated, NaN is 0, infinities clamp."""
    length = len(sequence)
    return sequence[_js_slice_bound(start, length):length if end is None else _js_slice_bound(end, length)]


def _js_slice_bound(bound, length):
    if bound != bound:
        return 0
    if bound in (_INF, -_INF):
        return length if bound > 0 else 0
    bound = int(bound)
    return max(bound + length, 0) if bound < 0 else min(bound, length)`,
  },
];
