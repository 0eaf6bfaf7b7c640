// Number semantics: JavaScript's number-to-string, division, remainder, rounding and conversions.
import type { Helper } from "./index";

export const NUMBER_HELPERS: Helper[] = [
  {
    name: "_INF",
    uses: [],
    imports: [],
    code: `_INF = float("inf")
_NAN = float("nan")`,
  },
  {
    name: "_JS_SPACE",
    uses: [],
    imports: [],
    // JavaScript's WhiteSpace and LineTerminator characters (Python's strip() also removes U+001C-U+001F and U+0085).
    code: `_JS_SPACE = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008\\u2009\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"`,
  },
  {
    name: "_JS_EXACT_LIMIT",
    uses: [],
    imports: [],
    // Computed once: a power written inside a helper would build a new long on every call.
    code: `_JS_EXACT_LIMIT = 2 ** 53  # every integer up to this one is exactly a double`,
  },
  {
    name: "_JS_PLAIN_LIMIT",
    uses: [],
    imports: [],
    code: `_JS_PLAIN_LIMIT = 10 ** 21  # integers below this one print without an exponent`,
  },
  {
    name: "_js_double",
    uses: ["_JS_EXACT_LIMIT"],
    imports: [],
    code: `def _js_double(number):
    """An exact integer result beyond 2**53 becomes the double JavaScript would hold."""
    # Only a long can be that large: Jython's int is 32 bits wide and overflows into long.
    if isinstance(number, long) and not -_JS_EXACT_LIMIT <= number <= _JS_EXACT_LIMIT:
        return float(number)
    return number`,
  },
  {
    name: "_js_mul",
    uses: ["_js_double"],
    imports: [],
    code: `def _js_mul(left, right):
    """JavaScript's *: a zero product of ints with a negative factor is -0, a product beyond 2**53 a double."""
    product = left * right
    if product == 0 and isinstance(product, (int, long)) and (left < 0 or right < 0):
        return -0.0
    return _js_double(product)`,
  },
  {
    name: "_js_neg",
    uses: [],
    imports: [],
    code: `def _js_neg(number):
    """Unary minus: -0 is a float, the only number that can hold it."""
    return -float(number) if number == 0 else -number`,
  },
  {
    name: "_js_number_str",
    uses: ["_INF", "_JS_PLAIN_LIMIT"],
    imports: [],
    code: `def _js_number_str(number):
    """Number.prototype.toString: shortest round-trip digits, exponent only below 1e-6 or from 1e21."""
    # The usual number, an integer, first: only a float can be -0, NaN or infinite. \`type\` leaves out bool.
    if type(number) is int or type(number) is long and -_JS_PLAIN_LIMIT < number < _JS_PLAIN_LIMIT:
        return unicode(number)
    if number != number:
        return "NaN"
    if number == _INF or number == -_INF:
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    magnitude = abs(float(number))
    # The shortest digits that read back as the same double (repr is not shortest for every value in Jython).
    for precision in range(1, 18):
        text = "%.*e" % (precision - 1, magnitude)
        if float(text) == magnitude:
            break
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    point = len(whole) + int(exponent or "0")
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    count = len(digits)
    if count <= point <= 21:
        return sign + digits + "0" * (point - count)
    if 0 < point <= 21:
        return sign + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return sign + "0." + "0" * -point + digits
    power = point - 1
    power_text = ("+" if power >= 0 else "-") + unicode(abs(power))
    if count == 1:
        return sign + digits + "e" + power_text
    return sign + digits[0] + "." + digits[1:] + "e" + power_text`,
  },
  {
    name: "_js_str",
    uses: ["_js_number_str"],
    imports: [],
    code: `def _js_str(value):
    """String(value): arrays join their items with commas, errors read "Name: message", other objects use toString()."""
    # The usual values first. Jython's int is 32 bits wide, so it never needs an exponent; \`type\` leaves out bool.
    if isinstance(value, basestring):
        return value
    if type(value) is int:
        return unicode(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, long, float)):
        return _js_number_str(value)
    if isinstance(value, list):
        return ",".join("" if item is None else _js_str(item) for item in value)
    if isinstance(value, BaseException):
        name = getattr(value, "name", type(value).__name__)
        message = _js_str(getattr(value, "message", ""))
        return message if name == "" else name if message == "" else name + ": " + message
    if callable(getattr(value, "toString", None)):
        return _js_str(value.toString())
    return "[object Object]"`,
  },
  {
    name: "_js_normalize",
    uses: ["_INF", "_JS_EXACT_LIMIT"],
    imports: ["math"],
    code: `def _js_normalize(number):
    """An integral float becomes an int, so that it can index a list or count a range like in JavaScript."""
    if isinstance(number, float) and number == number and abs(number) <= _JS_EXACT_LIMIT and number == int(number):
        if number == 0 and math.copysign(1, number) < 0:
            return number  # -0 exists only as a float
        return int(number)
    return number`,
  },
  {
    name: "_js_div",
    uses: ["_INF"],
    imports: ["math"],
    code: `def _js_div(dividend, divisor):
    """JavaScript division: never raises, and exact integer quotients stay ints."""
    if divisor == 0:
        if dividend != dividend or dividend == 0:
            return _NAN
        return math.copysign(_INF, dividend) * math.copysign(1, divisor)
    if isinstance(dividend, (int, long)) and isinstance(divisor, (int, long)) and dividend % divisor == 0:
        if dividend == 0 and divisor < 0:
            return -0.0
        return dividend // divisor
    return dividend / divisor`,
  },
  {
    name: "_js_mod",
    uses: ["_INF"],
    imports: ["math"],
    code: `def _js_mod(dividend, divisor):
    """JavaScript remainder: the result takes the sign of the dividend (Python's % takes the divisor's)."""
    if divisor == 0 or dividend != dividend or divisor != divisor or dividend in (_INF, -_INF):
        return _NAN
    if divisor in (_INF, -_INF):
        return dividend
    if isinstance(dividend, (int, long)) and isinstance(divisor, (int, long)):
        remainder = abs(dividend) % abs(divisor)
        if dividend < 0:
            return -remainder if remainder != 0 else -0.0
        return remainder
    return math.fmod(dividend, divisor)`,
  },
  {
    name: "_js_round",
    uses: ["_js_normalize"],
    imports: ["math"],
    code: `def _js_round(number):
    """Math.round: halves round towards +Infinity (Python 2 rounds them away from zero)."""
    rounded = math.floor(number)
    if number - rounded >= 0.5:
        rounded += 1
    if rounded == 0 and number < 0:
        return -0.0
    return _js_normalize(rounded)`,
  },
  {
    name: "_js_min",
    uses: ["_INF"],
    imports: [],
    code: `def _js_min(*numbers):
    for number in numbers:
        if number != number:
            return number
    return min(numbers) if numbers else _INF`,
  },
  {
    name: "_js_max",
    uses: ["_INF"],
    imports: [],
    code: `def _js_max(*numbers):
    for number in numbers:
        if number != number:
            return number
    return max(numbers) if numbers else -_INF`,
  },
  {
    name: "_js_read_digits",
    uses: [],
    imports: [],
    code: `def _js_read_digits(digits):
    """The integer a text of ASCII digits (and a sign) writes. Past 9 digits it may not fit Jython's 32-bit int, and
    there long() is several times faster than int() (0.6 against 3.6 us for a time in milliseconds)."""
    return int(digits) if len(digits) < 10 else long(digits)`,
  },
  {
    name: "_js_number",
    uses: ["_INF", "_js_normalize", "_js_double", "_JS_SPACE", "_js_read_digits"],
    imports: ["re"],
    code: `_JS_DECIMAL = re.compile(r"^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$")
_JS_RADIX = {"x": (16, re.compile(r"^[0-9a-fA-F]+$")), "o": (8, re.compile(r"^[0-7]+$")), "b": (2, re.compile(r"^[01]+$"))}


def _js_number(value):
    """Number(value): the whole text without JavaScript's blanks must be a number, "" is 0, anything else is NaN."""
    # The usual text first: up to 15 ASCII digits are exactly that integer, no regular expression needed. isdigit()
    # alone would also take other scripts' digits ("\\u0663"), which are not numbers in JavaScript.
    if isinstance(value, basestring) and len(value) < 16 and value.isdigit() and max(value) <= "9":
        return _js_read_digits(value)
    if value is None or value is False:
        return 0
    if value is True:
        return 1
    if isinstance(value, (int, long, float)):
        return value
    text = value.strip(_JS_SPACE)
    if text == "":
        return 0
    if _JS_DECIMAL.match(text):
        return _js_normalize(float(text))
    radix = _JS_RADIX.get(text[1:2].lower()) if text[:1] == "0" else None
    if radix is not None and radix[1].match(text[2:]):
        return _js_double(int(text[2:], radix[0]))
    if text in ("Infinity", "+Infinity"):
        return _INF
    if text == "-Infinity":
        return -_INF
    return _NAN`,
  },
  {
    name: "_js_parse_int",
    uses: ["_INF", "_js_double", "_JS_SPACE", "_js_read_digits"],
    imports: ["re"],
    code: `_JS_LEADING_INTEGER = re.compile("^[" + _JS_SPACE + "]*([+-]?)([0-9]+)")


def _js_parse_int(text):
    """parseInt(text, 10): the leading decimal digits after optional blanks and sign, else NaN."""
    # The usual text first: up to 15 ASCII digits (isdigit() alone also takes other scripts' digits) are exact.
    if len(text) < 16 and text.isdigit() and max(text) <= "9":
        return _js_read_digits(text)
    match = _JS_LEADING_INTEGER.match(text)
    if not match:
        return _NAN
    number = _js_read_digits(match.group(2))
    if match.group(1) == "-":
        return _js_double(-number) if number != 0 else -0.0
    return _js_double(number)`,
  },
  {
    name: "_js_is_integer",
    uses: ["_INF"],
    imports: [],
    code: `def _js_is_integer(value):
    # The usual value, an int or a long, first: \`type\` leaves out bool (Number.isInteger(true) is false).
    if type(value) is int or type(value) is long:
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, long)):
        return True
    return isinstance(value, float) and value == value and value not in (_INF, -_INF) and value == int(value)`,
  },
];
