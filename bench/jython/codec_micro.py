# The session codec alone, per call, in one Jython process: parseState and serializeState of a full state, and the
# JSON.parse inside, for two builds of the flow side by side (best of 7 rounds of 5,000 calls, so load shows less).
#   node -r ./scripts/register-ts.js scripts/compile.ts --out A.py src/flow/index.ts   (in each checkout)
#   jython bench/jython/codec_micro.py A.py B.py
from __future__ import print_function, unicode_literals

import imp
import sys
import time

TEXT = (
    '{"version":1,"clientId":"1402.0c5a-portal","login":"alice@example.com","userId":"inum-7f3a","step":3,'
    '"codeHash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","verifyTo":"+4915112345678",'
    '"maskedPhone":"*********5678","createdAt":1764654000123,"expiresAt":1764654600123,"codeIssuedAt":1764654060456,'
    '"sends":3,"lastSendAt":1764654060456,"otpFailures":4,"passwordFailures":2}'
)


def best_us(call, calls=5000, rounds=7):
    times = []
    for _ in range(rounds):
        started = time.time()
        for _ in range(calls):
            call()
        times.append((time.time() - started) / calls * 1e6)
    return min(times)


def main(paths):
    flows = [(path, imp.load_source("flow_%d" % i, path)) for i, path in enumerate(paths)]
    # Twice over, so that the first build measured is not the only one to meet a cold JIT.
    for path, flow in flows + flows:
        state = flow.parseState(TEXT)
        assert state is not None and flow.serializeState(state) == TEXT, path
        parse = best_us(lambda: flow.parseState(TEXT))
        write = best_us(lambda: flow.serializeState(state))
        alone = best_us(lambda: flow._js_json_parse(TEXT))
        print("%s: parseState %.0f us, serializeState %.0f us, JSON.parse alone %.0f us" % (path, parse, write, alone))


main(sys.argv[1:])
