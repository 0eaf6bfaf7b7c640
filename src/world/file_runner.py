# Runs Python files one after another in one Jython process, each as `jython FILE < INPUT` would run it in a fresh
# process: its own __main__ namespace, argv, stdin, stdout and stderr, its directory first on sys.path, and afterwards
# the modules it imported forgotten. A fresh Jython costs about a CPU-second to start; the compiler's tests run some
# twenty files. One command per line on stdin ({"id", "path", "input"}), one reply per line on stdout.
import json
import os
import sys
import traceback

from java.lang import Throwable

REPLY_PREFIX = "@@gamatech-runner@@ "


class Capture(object):
    """A file's stdout or stderr: unicode is written as UTF-8, as Jython's own stdout on a pipe writes it."""
    encoding = "UTF-8"

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text.encode("utf-8") if isinstance(text, unicode) else str(text))

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def text(self):
        return "".join(self.parts).decode("utf-8", "replace")


class Input(object):
    """A file's stdin: the command's input, then end of file."""

    def __init__(self, text):
        self.lines = text.splitlines(True)

    def read(self, size=-1):
        text, self.lines = "".join(self.lines), []
        return text

    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else ""

    def readlines(self, hint=-1):
        lines, self.lines = self.lines, []
        return lines

    def __iter__(self):
        return iter(self.readline, "")


def exit_status(code):
    if code is None:
        return 0
    if isinstance(code, (int, long)):
        return int(code)
    print >> sys.stderr, code
    return 1


def run_file(path, text):
    """What a fresh process would give: status, stdout and stderr."""
    modules = set(sys.modules)
    saved_path, saved_argv = list(sys.path), sys.argv
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    out, err = Capture(), Capture()
    sys.stdin, sys.stdout, sys.stderr = Input(text.encode("utf-8")), out, err
    sys.argv = [path]
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    status = 0
    try:
        execfile(path, {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__})
    except SystemExit as error:
        status = exit_status(error.code)
    except (Exception, Throwable):
        traceback.print_exc()
        status = 1
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        sys.argv = saved_argv
        sys.path[:] = saved_path
        for name in set(sys.modules) - modules:
            del sys.modules[name]
    return {"status": status, "stdout": out.text(), "stderr": err.text()}


def main():
    replies = sys.stdout
    while True:
        line = sys.stdin.readline()
        if line == "":
            return
        command = json.loads(line)
        reply = run_file(command["path"], command.get("input", u""))
        reply["id"] = command["id"]
        replies.write(REPLY_PREFIX + json.dumps(reply) + "\n")
        replies.flush()


if __name__ == "__main__":
    main()
