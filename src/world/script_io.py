# What a loaded script meets instead of the real process around it: the test clock behind java.lang.System, the pool
# class of java.util.concurrent, and a stdout whose lines the driver captures (Janssen's stdout is ASCII). Every call into
# script code goes through call_script or run_script, so an exception of any kind becomes an outcome, never a crash.
import sys
import traceback

from gamatech.testkit import Clock, Requests
from java.lang import System as JavaSystem
from java.util.concurrent import ConcurrentHashMap


class ControlledSystem(object):
    """Stands in for java.lang.System inside loaded scripts: the clock is the tests' clock, the rest is the real System."""

    def currentTimeMillis(self):
        return Clock.now()

    def __getattr__(self, name):
        return getattr(JavaSystem, name)


class PackageOverlay(object):
    """A Java package whose listed names are replaced, returned to a script's `from package import ...`."""

    def __init__(self, package, overrides):
        self._package = package
        self._overrides = overrides

    def __getattr__(self, name):
        if name in self._overrides:
            return self._overrides[name]
        return getattr(self._package, name)


class AsciiCapture(object):
    """Collects a script's print output. Janssen's stdout is ASCII, where printing non-ASCII unicode raises; so does this."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        if isinstance(text, unicode):
            text = text.encode("ascii")
        self.parts.append(text)

    def flush(self):
        pass

    def lines(self):
        text = "".join(self.parts)
        return [line for line in text.split("\n") if line != ""]


class RequestRoutedCapture(object):
    """sys.stdout while parallel requests run: each line goes to the capture of the test request the writing thread serves
    (Requests.current(), which a script's pool threads inherit from the request that submitted their work); output of any
    other thread goes to `stray`."""

    def __init__(self):
        self.captures = ConcurrentHashMap()
        self.stray = AsciiCapture()

    def open(self, request_id):
        capture = AsciiCapture()
        self.captures.put(request_id, capture)
        return capture

    def write(self, text):
        request_id = Requests.current()
        capture = self.captures.get(request_id) if request_id is not None else None
        (capture if capture is not None else self.stray).write(text)

    def flush(self):
        pass


def call_script(thunk):
    """Runs script code with its prints captured; any exception, Python or Java, becomes the "raised" outcome."""
    capture = AsciiCapture()
    saved = sys.stdout
    sys.stdout = capture
    try:
        outcome = run_script(thunk)
    finally:
        sys.stdout = saved
    outcome["logs"] = capture.lines()
    return outcome


def run_script(thunk):
    """Script code's result or escaped exception (Python or Java) as an outcome; prints go wherever sys.stdout points."""
    try:
        value = thunk()
        return {"outcome": "returned", "value": value}
    except:
        error = sys.exc_info()[1]
        return {
            "outcome": "raised",
            "exception": {"type": exception_type(error), "message": describe(error), "traceback": traceback.format_exc()},
        }


def exception_type(error):
    if hasattr(error, "getClass"):
        return error.getClass().getName()
    return type(error).__name__


def describe(error):
    if hasattr(error, "getMessage"):
        return unicode(error.getMessage())
    return unicode(error)
