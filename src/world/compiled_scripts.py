# Loading a script module through a cache of its compiled class. Parsing and compiling the built script costs a fresh JVM
# about half a CPU-second, a warm one about a tenth, and the test suites load it some forty times; the class Jython's own
# compiler makes of the same source loads in a fraction of that. The class is kept under the directory the
# gamatech.compiledScripts system property names, by a hash of the source and the Jython version, so an edited script or
# another Jython never meets a stale class. The code keeps the source's file name, so tracebacks name its lines, and so
# does the module's __file__.
import hashlib
import imp
import os
import sys
import time

import uuid

from java.io import File, FileInputStream, FileOutputStream
from java.lang import System as JavaSystem
from java.lang import Throwable
from org.python.core import imp as jython_imp

CACHE_PROPERTY = "gamatech.compiledScripts"
UNUSED_DAYS = 7


def load_script(name, path):
    """The module `name` from the script at `path`, as imp.load_source gives it."""
    folder = JavaSystem.getProperty(CACHE_PROPERTY)
    if folder is None:
        return imp.load_source(name, path)
    with open(path, "rb") as source:
        digest = hashlib.sha256(sys.version + "\0" + source.read()).hexdigest()
    compiled = os.path.join(folder, digest + "$py.class")
    if os.path.exists(compiled):
        os.utime(compiled, None)
    elif compile_into(name, path, compiled):
        prune(folder)
    else:
        # The source does not compile: loading it the plain way raises the error a test expects to see.
        return imp.load_source(name, path)
    stream = FileInputStream(compiled)
    try:
        module = jython_imp.loadFromCompiled(name, stream, path, compiled)
    finally:
        stream.close()
    module.__file__ = path
    return module


def compile_into(name, path, compiled):
    """Compiles `path` into `compiled` (written aside and renamed: parallel JVMs may race); False if that fails."""
    partial = "%s.%s.tmp" % (compiled, uuid.uuid4().hex)
    try:
        if not os.path.isdir(os.path.dirname(compiled)):
            os.makedirs(os.path.dirname(compiled))
        data = jython_imp.compileSource(name, File(path), path, compiled)
        out = FileOutputStream(partial)
        try:
            out.write(data)
        finally:
            out.close()
        os.rename(partial, compiled)
    except (Exception, Throwable):
        if os.path.exists(partial):
            os.remove(partial)
        return False
    return True


def prune(folder):
    """Every build of a script is a new source: classes no load has used for a week go."""
    oldest = time.time() - UNUSED_DAYS * 86400
    for entry in os.listdir(folder):
        entry_path = os.path.join(folder, entry)
        try:
            if os.path.getmtime(entry_path) < oldest:
                os.remove(entry_path)
        except OSError:
            pass  # another JVM pruned it
