package gamatech.testkit.twilio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 request read off a (TLS) connection, and the ways to answer it: what the fake Twilio API needs, no more.
 * Bodies come with Content-Length or chunked; form bodies are decoded (the last value of a repeated field wins).
 */
final class HttpExchange {
    final String method;
    final String path;
    final String query;
    /** Header names lower-cased. */
    final Map<String, String> headers;
    final Map<String, String> form;
    private final Socket socket;
    private final OutputStream out;

    private HttpExchange(Socket socket, String method, String target, Map<String, String> headers, Map<String, String> form)
            throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.method = method;
        int question = target.indexOf('?');
        this.path = question < 0 ? target : target.substring(0, question);
        this.query = question < 0 ? null : target.substring(question + 1);
        this.headers = headers;
        this.form = form;
    }

    /** The next request on this connection; null when the client closed it. */
    static HttpExchange read(Socket socket, InputStream in) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 3) {
            throw new IOException("not an HTTP request line: " + requestLine);
        }
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
            }
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body = body(in, headers);
        Map<String, String> form = new LinkedHashMap<>();
        String contentType = headers.getOrDefault("content-type", "");
        if (contentType.startsWith("application/x-www-form-urlencoded") || (body.length > 0 && !contentType.contains("json"))) {
            decodeForm(new String(body, StandardCharsets.UTF_8), form);
        }
        return new HttpExchange(socket, parts[0], parts[1], headers, form);
    }

    /** The basic-auth user name (Account SID or API key SID); the password is never kept. */
    String basicUser() {
        String[] credentials = basicCredentials();
        return credentials == null ? null : credentials[0];
    }

    boolean hasPassword() {
        String[] credentials = basicCredentials();
        return credentials != null && credentials.length == 2 && !credentials[1].isEmpty();
    }

    private String[] basicCredentials() {
        String authorization = headers.get("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? new String[] {decoded} : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    void respond(int status, String contentType, String body, Map<String, String> extraHeaders) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        head.append("Content-Length: ").append(bytes.length).append("\r\n");
        head.append("Twilio-Request-Id: RQ").append(String.format("%032x", System.nanoTime())).append("\r\n");
        for (Map.Entry<String, String> header : extraHeaders.entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("\r\n");
        // One write: a second small TLS record would wait for the client's delayed ACK (about 40 ms) under Nagle.
        ByteArrayOutputStream answer = new ByteArrayOutputStream(head.length() + bytes.length);
        answer.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        answer.write(bytes);
        out.write(answer.toByteArray());
        out.flush();
    }

    /** Bytes that are not HTTP at all, then the connection closes: a broken provider or middlebox. */
    void garbage() throws IOException {
        out.write("\u0000\u0017garbage, not HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.close();
    }

    /** Closes without a byte of answer. */
    void drop() throws IOException {
        socket.close();
    }

    /**
     * Keeps the request unanswered until the client gives up (closes the connection) or maxMillis pass; then closes. Returns
     * whether the client gave up first.
     */
    boolean holdUntilClientGivesUp(InputStream in, long maxMillis) throws IOException {
        long deadline = System.currentTimeMillis() + maxMillis;
        int saved = socket.getSoTimeout();
        try {
            while (System.currentTimeMillis() < deadline) {
                socket.setSoTimeout(100);
                try {
                    if (in.read() < 0) {
                        return true;
                    }
                } catch (java.net.SocketTimeoutException stillThere) {
                    // keep waiting
                } catch (IOException closed) {
                    return true;
                }
            }
            return false;
        } finally {
            try {
                socket.setSoTimeout(saved);
            } catch (IOException ignored) {
                // closed
            }
            socket.close();
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (;;) {
                String sizeLine = line(in);
                if (sizeLine == null) {
                    throw new IOException("chunked body cut short");
                }
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                        // trailers ignored
                    }
                    break;
                }
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length").trim());
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new IOException("body cut short");
            }
            body.write(bytes);
        }
        return body.toByteArray();
    }

    private static void decodeForm(String text, Map<String, String> form) {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1; null at end of stream before any byte. */
    static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (;;) {
            int b = in.read();
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (b == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return line.toString();
            }
            line.append((char) b);
            if (line.length() > 65536) {
                throw new IOException("header line too long");
            }
        }
    }

    static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 201: return "Created";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }
}
