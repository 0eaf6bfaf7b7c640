package gamatech.testkit.twilio;

import gamatech.testkit.Requests;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The fake Twilio API's network side, inside the world's JVM. The unmodified twilio-java SDK reaches it in two ways:
 *
 * <ul>
 *   <li><b>proxy</b> (every user, no root): a CONNECT proxy on 127.0.0.1. The SDK's NetworkHttpClient builds its HttpClient
 *       with useSystemProperties() (every line, 7.17.0 to 12.x), so it asks the JVM's ProxySelector, which this class sets:
 *       api.twilio.com and verify.twilio.com go to the proxy (https.proxyHost/https.proxyPort are set to it too). The proxy
 *       answers CONNECT itself and speaks TLS as the named host on the same connection; anything else is refused (403).
 *       Each test request running in parallel gets its own proxy port, so the SDK's connection pool never shares a
 *       connection between two test requests and every HTTP request is filed under the test request that made it.</li>
 *   <li><b>direct</b>: an HttpClient built without useSystemProperties (the script's own HttpClientBuilder on 7.x) ignores
 *       proxies. The world's JVM resolves the two names to a private loopback address (jdk.net.hosts.file, written by the
 *       Node side), and when the process may bind port 443 there (root) the fake listens on it; otherwise such a client
 *       gets "connection refused", never the real Twilio. Requests that come this way cannot be told apart by test
 *       request.</li>
 * </ul>
 *
 * TLS: a server certificate for both names, signed by a test CA the JVM trusts (javax.net.ssl.trustStore); both made with
 * keytool at set-up (src/world/tls.ts).
 */
public final class FakeTwilio {
    static final List<String> HOSTS = List.of("api.twilio.com", "verify.twilio.com");

    private static SSLContext tls;
    private static ServerSocket defaultProxy;
    private static ServerSocket direct;
    private static String directProblem;
    private static final Map<String, ServerSocket> requestProxies = new ConcurrentHashMap<>();

    private FakeTwilio() {}

    /** Starts the proxy (and the direct listener when possible) once per JVM; returns a one-line description. */
    public static synchronized String start(String keystorePath, String keystorePassword, String directAddress) throws Exception {
        if (tls != null) {
            return describe();
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystorePath)) {
            keys.load(in, keystorePassword.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, keystorePassword.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        tls = context;

        defaultProxy = proxyListener(null);
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", String.valueOf(defaultProxy.getLocalPort()));
        ProxySelector.setDefault(new WorldProxySelector(ProxySelector.getDefault()));

        if (directAddress != null && !directAddress.isEmpty()) {
            try {
                SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(InetAddress.getByName(directAddress), 443), 128);
                direct = server;
                acceptLoop(server, socket -> serveTls((SSLSocket) socket, null, "direct", null), "fake-twilio-direct");
            } catch (IOException cannotBind) {
                directProblem = cannotBind.getMessage();
            }
        } else {
            directProblem = "no direct address given";
        }
        return describe();
    }

    public static synchronized String describe() {
        if (tls == null) {
            return "fake Twilio not started";
        }
        return "fake Twilio: proxy 127.0.0.1:" + defaultProxy.getLocalPort() + "; direct "
                + (direct != null ? direct.getInetAddress().getHostAddress() + ":443" : "off (" + directProblem + ")");
    }

    public static int proxyPort() {
        return defaultProxy == null ? -1 : defaultProxy.getLocalPort();
    }

    public static boolean directListening() {
        return direct != null;
    }

    /** Closes the per-request proxy ports of the last world (the default one stays). */
    public static void resetRequestProxies() {
        for (String requestId : new ArrayList<>(requestProxies.keySet())) {
            ServerSocket server = requestProxies.remove(requestId);
            try {
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    static int proxyPortFor(String requestId) {
        if (requestId == null) {
            return defaultProxy.getLocalPort();
        }
        ServerSocket server = requestProxies.computeIfAbsent(requestId, id -> {
            try {
                return proxyListener(id);
            } catch (IOException e) {
                throw new IllegalStateException("cannot open a proxy port for " + id, e);
            }
        });
        return server.getLocalPort();
    }

    private interface Handler {
        void handle(Socket socket) throws Exception;
    }

    private static ServerSocket proxyListener(String requestId) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        acceptLoop(server, socket -> proxy(socket, requestId), "fake-twilio-proxy");
        return server;
    }

    private static void acceptLoop(ServerSocket server, Handler handler, String name) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                Socket socket;
                try {
                    socket = server.accept();
                } catch (IOException closed) {
                    return;
                }
                try {
                    // Answers go out at once, as a real server's do, instead of waiting under Nagle for the client's ACK.
                    socket.setTcpNoDelay(true);
                } catch (IOException closing) {
                    // the worker below sees the closed socket
                }
                Thread worker = new Thread(() -> {
                    try {
                        handler.handle(socket);
                    } catch (Exception connectionEnded) {
                        // the client went away or spoke nonsense: nothing to answer
                    } finally {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // closed
                        }
                    }
                }, name + "-connection");
                worker.setDaemon(true);
                worker.start();
            }
        }, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** CONNECT host:443, then TLS as that host on the same connection. */
    private static void proxy(Socket socket, String requestId) throws Exception {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        String requestLine = HttpExchange.line(in);
        if (requestLine == null) {
            return;
        }
        for (String header = HttpExchange.line(in); header != null && !header.isEmpty(); header = HttpExchange.line(in)) {
            // headers (Host, User-Agent, Proxy-Connection) carry nothing the fake needs
        }
        String[] parts = requestLine.split(" ");
        String host = parts.length >= 2 && parts[0].equals("CONNECT") ? parts[1].replaceFirst(":443$", "") : null;
        if (host == null || !HOSTS.contains(host.toLowerCase())) {
            out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return;
        }
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        secure.setUseClientMode(false);
        serveTls(secure, host.toLowerCase(), "proxy", requestId);
    }

    private static void serveTls(SSLSocket socket, String connectHost, String via, String requestId) throws Exception {
        socket.startHandshake();
        InputStream in = socket.getInputStream();
        for (;;) {
            HttpExchange exchange = HttpExchange.read(socket, in);
            if (exchange == null) {
                return;
            }
            String host = connectHost;
            if (host == null) {
                String header = exchange.headers.getOrDefault("host", "");
                host = header.replaceFirst(":443$", "").toLowerCase();
            }
            if (!TwilioApi.handle(exchange, in, host, via, requestId)) {
                return;
            }
        }
    }

    /** The JVM's proxy choice: the two Twilio hosts go to the proxy port of the calling thread's test request. */
    private static final class WorldProxySelector extends ProxySelector {
        private final ProxySelector fallback;

        WorldProxySelector(ProxySelector fallback) {
            this.fallback = fallback;
        }

        @Override
        public List<Proxy> select(URI uri) {
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase();
            if (HOSTS.contains(host)) {
                int port = proxyPortFor(Requests.current());
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)));
            }
            return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            if (fallback != null) {
                fallback.connectFailed(uri, address, failure);
            }
        }
    }
}
