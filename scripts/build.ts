import { execFileSync } from "child_process";

// Until the compiler lands, the build type-checks the guest code with its own tsconfig.
execFileSync(
  process.execPath,
  [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.guest.json"],
  {
    stdio: "inherit",
  },
);
