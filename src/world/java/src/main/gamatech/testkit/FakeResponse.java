package gamatech.testkit;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records the headers a script sets; setHeader replaces an earlier value of the same (case-insensitive) name. */
public final class FakeResponse implements HttpServletResponse {
    private final Map<String, String> headers = new LinkedHashMap<>();

    @Override
    public void setHeader(String name, String value) {
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        headers.put(name, value);
    }

    public Map<String, String> getHeaders() {
        return new LinkedHashMap<>(headers);
    }
}
