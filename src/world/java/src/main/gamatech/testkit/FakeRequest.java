package gamatech.testkit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/** A /token request: form parameters (possibly repeated) and headers. */
public final class FakeRequest implements HttpServletRequest {
    private final Map<String, String[]> parameters;
    private final Map<String, String> headers;

    public FakeRequest(Map<String, String[]> parameters, Map<String, String> headers) {
        this.parameters = parameters;
        this.headers = headers;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    /** Header names are case-insensitive in HTTP, and servlet containers honour that. */
    @Override
    public String getHeader(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
