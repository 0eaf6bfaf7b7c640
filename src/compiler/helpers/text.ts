// String and array helpers where Python's methods clamp, raise or count differently from JavaScript's.
import type { Helper } from "./index";

export const TEXT_HELPERS: Helper[] = [
  {
    name: "_js_item",
    uses: [],
    imports: [],
    code: `def _js_item(sequence, index, missing=None):
    """sequence[index] ?? missing: None outside the bounds (Python would raise, or count back from the end)."""
    if 0 <= index < len(sequence) and index == int(index):
        item = sequence[int(index)]
        if item is not None:
            return item
    return missing`,
  },
  {
    name: "_js_index_of",
    uses: ["_js_strict_eq"],
    imports: [],
    code: `def _js_index_of(items, value):
    """Array.prototype.indexOf with ===: objects and arrays match only themselves, NaN matches nothing."""
    for index, item in enumerate(items):
        if _js_strict_eq(item, value):
            return index
    return -1`,
  },
  {
    name: "_js_join",
    uses: ["_js_str"],
    imports: [],
    code: `def _js_join(items, separator):
    return separator.join("" if item is None else _js_str(item) for item in items)`,
  },
  {
    name: "_js_substring",
    uses: [],
    imports: [],
    code: `def _js_substring(text, start, end=None):
    """String.prototype.substring: bounds are clamped to the text and swapped when reversed."""
    length = len(text)
    start = 0 if start != start else int(min(max(start, 0), length))
    end = length if end is None else 0 if end != end else int(min(max(end, 0), length))
    if start > end:
        start, end = end, start
    return text[start:end]`,
  },
  {
    name: "_js_split",
    uses: [],
    imports: [],
    code: `def _js_split(text, separator):
    if separator == "":
        return list(text)
    return text.split(separator)`,
  },
  {
    name: "_js_replace_first",
    uses: [],
    imports: [],
    code: `def _js_replace_first(text, pattern, replacement):
    # Python 2 finds no empty pattern in an empty text; JavaScript finds it at the start of any text.
    if pattern == "":
        return replacement + text
    return text.replace(pattern, replacement, 1)`,
  },
  {
    name: "_js_pad_start",
    uses: [],
    imports: [],
    code: `def _js_pad_start(text, length, filler=" "):
    missing = int(length) - len(text)
    if missing <= 0 or filler == "":
        return text
    return (filler * (missing // len(filler) + 1))[:missing] + text`,
  },
  {
    name: "_js_pad_end",
    uses: [],
    imports: [],
    code: `def _js_pad_end(text, length, filler=" "):
    missing = int(length) - len(text)
    if missing <= 0 or filler == "":
        return text
    return text + (filler * (missing // len(filler) + 1))[:missing]`,
  },
  {
    name: "_js_char_at",
    uses: [],
    imports: [],
    code: `def _js_char_at(text, index):
    """String.prototype.charAt: the index is truncated towards 0, NaN reads as 0, "" outside the text."""
    if 0 <= index < len(text):
        return text[int(index)]
    if index != index or -1 < index < 0:
        return text[:1]
    return ""`,
  },
  {
    name: "_js_char_code_at",
    uses: ["_INF"],
    imports: [],
    code: `def _js_char_code_at(text, index):
    """String.prototype.charCodeAt: the index as in charAt, NaN outside the text."""
    if 0 <= index < len(text):
        return ord(text[int(index)])
    if (index != index or -1 < index < 0) and text != "":
        return ord(text[0])
    return _NAN`,
  },
];
