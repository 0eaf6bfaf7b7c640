// Two modules declaring the same module-level name: each is prefixed with its module's name in Python.

import { describe as describeA, LIMIT as LIMIT_A } from "./modules/clash-a";
import { describe as describeB, LIMIT as LIMIT_B } from "./modules/clash-b";

export function main(): unknown {
  return [describeA(), describeB(), LIMIT_A + LIMIT_B];
}
