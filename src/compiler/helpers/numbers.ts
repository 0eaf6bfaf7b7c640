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
    name: "_js_number_str",
    uses: ["_INF"],
    imports: [],
    code: `def _js_number_str(number):
    """Number.prototype.toString: shortest round-trip digits, exponent only below 1e-6 or from 1e21."""
    if number != number:
        return "NaN"
    if number == _INF or number == -_INF:
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    if isinstance(number, (int, long)) and abs(number) < 10 ** 21:
        return unicode(number)
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
    """String(value) for the values guest code can hold."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, long, float)):
        return _js_number_str(value)
    return unicode(value)`,
  },
  {
    name: "_js_normalize",
    uses: ["_INF"],
    imports: [],
    code: `def _js_normalize(number):
    """An integral float becomes an int, so that it can index a list or count a range like in JavaScript."""
    if isinstance(number, float) and number == number and abs(number) < 2 ** 53 and number == int(number):
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
        return -remainder if dividend < 0 else remainder
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
    name: "_js_number",
    uses: ["_INF", "_js_normalize"],
    imports: ["re"],
    code: `_JS_DECIMAL = re.compile(r"^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$")
_JS_HEX = re.compile(r"^0[xX][0-9a-fA-F]+$")


def _js_number(value):
    """Number(value): the whole trimmed text must be a number, "" is 0, anything else is NaN."""
    if value is None or value is False:
        return 0
    if value is True:
        return 1
    if isinstance(value, (int, long, float)):
        return value
    text = value.strip()
    if text == "":
        return 0
    if _JS_DECIMAL.match(text):
        return _js_normalize(float(text))
    if _JS_HEX.match(text):
        return int(text[2:], 16)
    if text in ("Infinity", "+Infinity"):
        return _INF
    if text == "-Infinity":
        return -_INF
    return _NAN`,
  },
  {
    name: "_js_parse_int",
    uses: ["_INF"],
    imports: ["re"],
    code: `_JS_LEADING_INTEGER = re.compile(r"^\\s*([+-]?\\d+)")


def _js_parse_int(text):
    """parseInt(text, 10): the leading decimal digits after optional blanks and sign, else NaN."""
    match = _JS_LEADING_INTEGER.match(text)
    return int(match.group(1)) if match else _NAN`,
  },
  {
    name: "_js_is_integer",
    uses: ["_INF"],
    imports: [],
    code: `def _js_is_integer(value):
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, long)):
        return True
    return isinstance(value, float) and value == value and value not in (_INF, -_INF) and value == int(value)`,
  },
];
