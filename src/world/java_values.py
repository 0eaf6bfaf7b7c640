# Between the driver's JSON commands and the Java values Janssen's classes take and give.
import jarray
from com.fasterxml.jackson.databind import ObjectMapper
from io.jans.model import SimpleCustomProperty
from java.lang import Object as JavaObject
from java.lang import String as JavaString
from java.util import ArrayList, HashMap


def java_list(values):
    result = ArrayList()
    for value in values if isinstance(values, list) else [values]:
        result.add(value)
    return result


def properties_map(properties):
    attributes = HashMap()
    for name, value in properties.items():
        attributes.put(name, SimpleCustomProperty(name, value))
    return attributes


def parameters_map(parameters):
    result = HashMap()
    for name, values in parameters.items():
        result.put(name, jarray.array(values if isinstance(values, list) else [values], JavaString))
    return result


def string_map(values):
    """Header name -> value; a list stands for a header sent on several lines (FakeRequest.getHeaders gives each)."""
    result = HashMap()
    for name, value in values.items():
        result.put(name, jarray.array(value, JavaString) if isinstance(value, list) else value)
    return result


# Jackson, which every twilio-java line depends on, reads a command in a few milliseconds where Python's json takes most
# of a second for a 1 MiB value written with escapes (the hostile corpus's control characters and non-ASCII text).
COMMAND_READER = ObjectMapper()


def parse_command(line):
    return java_to_json(COMMAND_READER.readValue(line, JavaObject))


def java_to_json(value):
    if hasattr(value, "keySet"):
        return dict((key, java_to_json(value.get(key))) for key in value.keySet())
    if hasattr(value, "iterator") or isinstance(value, list):
        return [java_to_json(item) for item in value]
    return value
