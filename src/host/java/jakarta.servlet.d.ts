// The servlet request and response of the /token call (Jakarta Servlet, as Janssen uses).

declare module "java:jakarta.servlet.http" {
  import type { Enumeration } from "java:java.util";

  export interface HttpServletRequest {
    /** The first value of a form parameter; null when absent. */
    getParameter(name: string): string | null;
    /** Every value of a repeated parameter (a Java String[]); null when absent. */
    getParameterValues(name: string): string[] | null;
    getHeader(name: string): string | null;
    /** Every value of a header, one element per header line, in the order received (each line may itself hold a
     * comma-separated list); empty when absent, null when the container refuses header access. */
    getHeaders(name: string): Enumeration<string> | null;
  }

  export interface HttpServletResponse {
    /** Replaces any earlier value of that header. */
    setHeader(name: string, value: string): void;
  }
}
