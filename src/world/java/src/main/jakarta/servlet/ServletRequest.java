package jakarta.servlet;

import java.util.Map;

public interface ServletRequest {
    String getParameter(String name);

    String[] getParameterValues(String name);

    /** Every parameter; the challenge endpoint copies them into the server's auth_session record. */
    Map<String, String[]> getParameterMap();
}
