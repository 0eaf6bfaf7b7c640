package jakarta.servlet.http;

import jakarta.servlet.ServletRequest;
import java.util.Enumeration;

public interface HttpServletRequest extends ServletRequest {
    String getHeader(String name);

    /** Every value of the header, one per header line, in order; empty when absent. */
    Enumeration<String> getHeaders(String name);
}
