import { System } from "java:java.lang";
import type { Clock } from "../flow/ports";

/** Wall-clock time of the JVM; every node of a cluster is expected to run NTP. */
export class SystemClock implements Clock {
  nowMillis(): number {
    return System.currentTimeMillis();
  }
}
