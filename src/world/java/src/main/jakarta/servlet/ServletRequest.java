package jakarta.servlet;

public interface ServletRequest {
    String getParameter(String name);

    String[] getParameterValues(String name);
}
