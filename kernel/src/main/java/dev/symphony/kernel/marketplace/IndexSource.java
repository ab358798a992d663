package dev.symphony.kernel.marketplace;

import dev.symphony.kernel.signing.ArchiveSignature;
import dev.symphony.kernel.signing.DetachedSignature;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.SignatureException;
import dev.symphony.kernel.signing.TrustedPublishers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One index location from the {@code extensions.indexes} setting: a folder, or an {@code http(s)://} URL read with the
 * JDK's {@link HttpClient} (no redirects followed, a connect timeout, a whole-request timeout, and every body read only
 * up to its limit). {@link #load} checks the index's signature against the user's trusted publisher keys before it
 * reads a field of it; {@link #download} fetches an archive it lists and refuses it unless its size and SHA-256 are
 * the index's. Everything served is hostile.
 */
public final class IndexSource {
    static final long MAX_INDEX_BYTES = 16L << 20;
    static final long MAX_SIGNATURE_BYTES = 64L << 10;
    /** Closes a body that is still being read at its deadline (the JDK client has no read timeout of its own). */
    private static final java.util.concurrent.ScheduledExecutorService DEADLINES = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "index-deadlines");
        t.setDaemon(true);
        return t;
    });
    private final String location;
    private final Duration timeout;
    private final HttpClient http;

    /** A checked index and who signed it. */
    public record Loaded(IndexSource source, ExtensionIndex index, ArchiveSignature.Verified signer) {
    }

    public IndexSource(String location, Duration timeout) {
        this.location = location;
        this.timeout = timeout;
        this.http = remote() ? HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build() : null;
    }

    public IndexSource(String location) {
        this(location, Duration.ofSeconds(30));
    }

    public String location() {
        return location;
    }

    private boolean remote() {
        String l = location.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    public Loaded load(TrustedPublishers trust) throws IndexException {
        byte[] index = fetch(IndexBuilder.INDEX, MAX_INDEX_BYTES);
        byte[] signature = fetch(IndexBuilder.SIGNATURE, MAX_SIGNATURE_BYTES);
        String where = "the index at " + location;
        ArchiveSignature.Verified signer;
        try {
            signer = DetachedSignature.verify(index, signature, where);
        } catch (SignatureException e) {
            throw new IndexException(e.getMessage());
        }
        if (trust.find(signer.key()).isEmpty()) {
            throw new IndexException(where + " is signed by a key you do not trust ('" + signer.publisher() + "', "
                    + PublisherKey.display(signer.fingerprint()) + "): check the fingerprint with its publisher, then `symphony ext trust add KEY.pub`");
        }
        return new Loaded(this, ExtensionIndex.parse(index, where), signer);
    }

    /** Downloads {@code release}'s archive into {@code dir}; refused unless size and SHA-256 are what the index says. */
    public Path download(ExtensionIndex.Release release, Path dir) throws IndexException {
        return download(release.archive(), release.size(), release.sha256(), dir);
    }

    /** Downloads a Melody package the index lists into {@code dir}, checked as an extension archive is. */
    public Path download(MelodyListing.Release release, Path dir) throws IndexException {
        return download(release.archive(), release.size(), release.sha256(), dir);
    }

    private Path download(String archive, long size, String sha256, Path dir) throws IndexException {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".download-", ".zip");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = open(archive, size);
                     OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                    long n = copy(in, out, size, archive);
                    if (n != size) {
                        throw new IndexException(archive + " from " + location + " has " + n + " bytes but the index lists " + size);
                    }
                }
                String actual = HexFormat.of().formatHex(sha.digest());
                if (!actual.equals(sha256)) {
                    throw new IndexException(archive + " from " + location + " has SHA-256 " + actual + " but the index lists " + sha256);
                }
                Path target = dir.resolve(archive);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new IndexException("cannot download " + archive + " from " + location + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] fetch(String name, long limit) throws IndexException {
        try (InputStream in = open(name, limit)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            copy(in, out, limit, name);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IndexException("cannot read " + name + " from " + location + ": " + e.getMessage());
        }
    }

    private InputStream open(String name, long limit) throws IOException, IndexException {
        if (!remote()) {
            Path file = Path.of(location).resolve(name);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IndexException(location + " has no " + name + " (a plain file)");
            }
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        }
        URI uri = URI.create(location.endsWith("/") ? location : location + "/").resolve(name);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json, application/zip").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IndexException(uri + " answered HTTP " + response.statusCode() + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > limit) {
            response.body().close();
            throw new IndexException(uri + " is " + declared + " bytes, more than the " + limit + " allowed");
        }
        InputStream body = response.body();
        // the whole body within the timeout, plus a second per MB of what it may be (a slow but honest server finishes)
        long deadlineMs = timeout.toMillis() + limit / 1000;
        java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        var closer = DEADLINES.schedule(() -> {
            expired.set(true); // before the close: the reader's "closed" must read as the deadline
            try {
                body.close();
            } catch (IOException ignored) {
                // closing is all we can do
            }
        }, deadlineMs, java.util.concurrent.TimeUnit.MILLISECONDS);
        return new java.io.FilterInputStream(body) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    if (!expired.get()) {
                        return super.read(b, off, len);
                    }
                } catch (IOException e) {
                    if (!expired.get()) {
                        throw e;
                    }
                }
                throw new IOException(uri + " did not finish within " + deadlineMs + " ms");
            }

            @Override
            public void close() throws IOException {
                closer.cancel(false);
                super.close();
            }
        };
    }

    private long copy(InputStream in, OutputStream out, long limit, String name) throws IOException, IndexException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > limit) {
                throw new IndexException(name + " from " + location + " is larger than the " + limit + " bytes allowed");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
