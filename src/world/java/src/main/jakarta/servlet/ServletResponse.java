package jakarta.servlet;

/** Empty on purpose: the host only sets headers, which belong to HttpServletResponse. */
public interface ServletResponse {}
