// The one-node limits (one-node-limits.ts) against dist/GamatechAuthzChallenge.py: each request written in the ROPC wire's
// terms is sent as test/conformance/challenge-wire.ts translates it (the script initialised with the attack's login
// order, code_first unless it says password_first), and each JSON answer is read back strictly. Where a right guess
// moves the session on, the guesses routed after it are asked for the next step's input and refused unjudged
// (invalid_request): they count for nothing, as the limits demand.

import { oneNodeLimits } from "./one-node-limits";

oneNodeLimits("challenge");
