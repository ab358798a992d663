package dev.symphony.kernel.extensions;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The broker's HTTP client honours the user's proxy (and its bypass list) and extra CA certificates: real servers. */
class BrokerHttpClientTest {
    static HttpServer answering(String text, List<String> seen) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            seen.add(ex.getRequestURI().toString());
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (ex) {
                ex.getResponseBody().write(b);
            }
        });
        s.start();
        return s;
    }

    static String get(HttpClient c, String url) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void requestsGoThroughTheProxyExceptToBypassedHosts() throws Exception {
        List<String> viaProxy = new CopyOnWriteArrayList<>();
        List<String> direct = new CopyOnWriteArrayList<>();
        HttpServer proxy = answering("from the proxy", viaProxy);
        HttpServer server = answering("direct", direct);
        try {
            HttpClient c = BrokerHttpClient.build("http://127.0.0.1:" + proxy.getAddress().getPort(), "localhost, .internal.example", null);
            assertEquals("from the proxy", get(c, "http://api.symphony-test.invalid/v1/models"));
            assertEquals(List.of("http://api.symphony-test.invalid/v1/models"), viaProxy, "the proxy got the absolute URL");
            assertEquals("direct", get(c, "http://localhost:" + server.getAddress().getPort() + "/x"), "NO_PROXY hosts go direct");
            assertEquals(List.of("/x"), direct);
            assertThrows(IllegalArgumentException.class, () -> BrokerHttpClient.build("proxyhost", null, null), "a proxy without a port");
        } finally {
            proxy.stop(0);
            server.stop(0);
        }
    }

    @Test
    void anExtraCaFileIsTrustedBesideTheJdksOwn(@TempDir Path tmp) throws Exception {
        Path p12 = tmp.resolve("server.p12");
        Path pem = tmp.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", p12.toString(), "-storepass", "changeit", "-file", pem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", ex -> {
            byte[] b = "over tls".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (ex) {
                ex.getResponseBody().write(b);
            }
        });
        server.start();
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/";
            assertEquals("over tls", get(BrokerHttpClient.build(null, null, pem), url));
            Exception untrusted = assertThrows(Exception.class, () -> get(BrokerHttpClient.build(null, null, null), url));
            assertTrue(untrusted instanceof SSLHandshakeException || untrusted.getCause() instanceof SSLHandshakeException
                    || String.valueOf(untrusted).contains("PKIX"), "without the CA file the server is not trusted: " + untrusted);
            assertThrows(IllegalArgumentException.class, () -> BrokerHttpClient.build(null, null, tmp.resolve("missing.pem")));
        } finally {
            server.stop(0);
        }
    }

    static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "keytool " + String.join(" ", args) + ": " + out);
    }
}
