package org.jboss.resteasy.spi;

/**
 * Double of RESTEasy's NoLogWebApplicationException, which ExternalScriptContext.createWebApplicationException returns and
 * stores. Real: a jakarta.ws.rs.WebApplicationException carrying a Response (JSON type, Cache-Control: no-store); JAX-RS is
 * not on the world's classpath, so the double keeps the status and the entity the response would carry.
 */
public class NoLogWebApplicationException extends RuntimeException {
    private final int status;
    private final String entity;

    public NoLogWebApplicationException(int status, String entity) {
        super("HTTP " + status);
        this.status = status;
        this.entity = entity;
    }

    public int getStatus() {
        return status;
    }

    public String getEntity() {
        return entity;
    }
}
