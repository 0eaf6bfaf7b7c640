package gamatech.testkit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * A /token request: form parameters (possibly repeated) and headers. A header's value is a String, or a String[] / list
 * for a header sent on several lines (X-Forwarded-For through several proxies).
 */
public final class FakeRequest implements HttpServletRequest {
    private final Map<String, String[]> parameters;
    private final Map<String, ?> headers;

    public FakeRequest(Map<String, String[]> parameters, Map<String, ?> headers) {
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

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters);
    }

    /** Header names are case-insensitive in HTTP, and servlet containers honour that. */
    @Override
    public String getHeader(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(values(name));
    }

    private List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, ?> header : headers.entrySet()) {
            if (!header.getKey().equalsIgnoreCase(name)) {
                continue;
            }
            Object value = header.getValue();
            if (value instanceof String[]) {
                Collections.addAll(values, (String[]) value);
            } else if (value instanceof Iterable) {
                for (Object item : (Iterable<?>) value) {
                    values.add(String.valueOf(item));
                }
            } else if (value != null) {
                values.add(String.valueOf(value));
            }
        }
        return values;
    }
}
