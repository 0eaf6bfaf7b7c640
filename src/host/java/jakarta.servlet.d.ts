// The servlet request and response of the /token call (Jakarta Servlet, as Janssen uses).

declare module "java:jakarta.servlet.http" {
  export interface HttpServletRequest {
    /** The first value of a form parameter; null when absent. */
    getParameter(name: string): string | null;
    /** Every value of a repeated parameter (a Java String[]); null when absent. */
    getParameterValues(name: string): string[] | null;
    getHeader(name: string): string | null;
  }

  export interface HttpServletResponse {
    /** Replaces any earlier value of that header. */
    setHeader(name: string, value: string): void;
  }
}
