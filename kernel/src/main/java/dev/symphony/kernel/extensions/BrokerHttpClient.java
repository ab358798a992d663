package dev.symphony.kernel.extensions;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JDK {@link HttpClient} the kernel's HTTP broker sends with: HTTP/1.1 (so cancelling a request closes its
 * connection), no redirects followed (a redirect is the extension's to follow, through the broker again, so an
 * injected secret never follows a server to another host), and the user's proxy and extra CA certificates:
 * <ul>
 *   <li>proxy: {@code -Dsymphony.http.proxy=host:port}, else {@code HTTPS_PROXY}/{@code https_proxy}/{@code HTTP_PROXY}/{@code http_proxy}
 *       ({@code http://host:port}); hosts in {@code NO_PROXY}/{@code no_proxy} (names or {@code .suffix}es) go direct;</li>
 *   <li>CA: {@code -Dsymphony.http.caFile=PEM}, else {@code SYMPHONY_CA_FILE}: certificates trusted in addition to the JDK's.</li>
 * </ul>
 */
final class BrokerHttpClient {
    private BrokerHttpClient() {
    }

    static HttpClient standard() {
        Map<String, String> env = System.getenv();
        String proxy = firstSet(System.getProperty("symphony.http.proxy"), env.get("HTTPS_PROXY"), env.get("https_proxy"),
                env.get("HTTP_PROXY"), env.get("http_proxy"));
        String noProxy = firstSet(env.get("NO_PROXY"), env.get("no_proxy"));
        String ca = firstSet(System.getProperty("symphony.http.caFile"), env.get("SYMPHONY_CA_FILE"));
        return build(proxy, noProxy, ca == null ? null : Path.of(ca));
    }

    static HttpClient build(String proxy, String noProxy, Path caFile) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30));
        if (proxy != null) {
            b.proxy(new Selector(address(proxy), noProxy == null ? List.of() : Arrays.stream(noProxy.split(","))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList()));
        }
        if (caFile != null) {
            b.sslContext(withExtraCertificates(caFile));
        }
        return b.build();
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static InetSocketAddress address(String proxy) {
        String s = proxy.contains("://") ? URI.create(proxy).getAuthority() : proxy;
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("the HTTP proxy '" + proxy + "' names no port (host:port)");
        }
        return InetSocketAddress.createUnresolved(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
    }

    /** The JDK's trusted certificates plus those in {@code pem}. */
    static SSLContext withExtraCertificates(Path pem) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            int i = 0;
            for (var tm : jdk.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        ks.setCertificateEntry("jdk-" + i++, c);
                    }
                }
            }
            int extra = 0;
            try (InputStream in = Files.newInputStream(pem)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    ks.setCertificateEntry("extra-" + extra++, c);
                }
            }
            if (extra == 0) {
                throw new IllegalArgumentException("the CA file " + pem + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the CA file " + pem + ": " + e.getMessage(), e);
        }
    }

    private static final class Selector extends ProxySelector {
        private final List<Proxy> proxy;
        private final List<String> bypass;

        Selector(InetSocketAddress address, List<String> bypass) {
            this.proxy = List.of(new Proxy(Proxy.Type.HTTP, address));
            this.bypass = bypass;
        }

        @Override
        public List<Proxy> select(URI uri) {
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            for (String b : bypass) {
                if (b.equals("*") || host.equals(b) || (b.startsWith(".") ? host.endsWith(b) : host.endsWith("." + b))) {
                    return List.of(Proxy.NO_PROXY);
                }
            }
            return proxy;
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // the request fails with the connect error; nothing to remember
        }
    }
}
