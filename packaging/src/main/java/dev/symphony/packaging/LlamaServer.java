package dev.symphony.packaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real llama.cpp {@code llama-server}, built by {@code .ci/llama-server.sh} into the user's cache, serving the
 * project's demo GGUF on 127.0.0.1 with one thread. {@link #binary} is empty when no binary is cached (the tests
 * then skip, saying how to build one); {@link #build} makes one (the bench). Used by LlamaServerRouterIT and
 * {@code symphony bench instruments}.
 */
final class LlamaServer implements AutoCloseable {
    static final String DEMO_GGUF = "sample-extensions/local-gguf/target/classes/dev/symphony/samples/localgguf/symphony-demo-bigram.gguf";

    final Process process;
    final int port;
    final Path log;

    private LlamaServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Where {@code .ci/llama-server.sh} caches the binary (it prints the path; nothing is built). */
    static Path cachedPath(Path repo) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", repo.resolve(".ci/llama-server.sh").toString(), "--path").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(".ci/llama-server.sh --path failed: " + out);
        }
        return Path.of(out);
    }

    static Optional<Path> binary(Path repo) throws IOException, InterruptedException {
        Path path = cachedPath(repo);
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    /** The cached binary, built first when the cache is empty (11+ minutes on two cores; the script's progress on stderr). */
    static Path build(Path repo) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", repo.resolve(".ci/llama-server.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException(".ci/llama-server.sh failed (exit " + p.exitValue() + ")");
        }
        return Path.of(out);
    }

    static String skipMessage(Path repo) throws IOException, InterruptedException {
        return "no llama-server cached at " + cachedPath(repo) + ": these tests need a real llama.cpp server; build it with"
                + " .ci/llama-server.sh (about 11+ minutes on 2 cores; .ci/run does it)";
    }

    static LlamaServer start(Path repo, Path binary, Path workDir) throws Exception {
        return start(repo, binary, workDir, false, 2048);
    }

    /**
     * {@code lowPriority}: under {@code nice -n 19}, as a model server beside an editor should run; {@code context}: the
     * context in tokens (the demo GGUF's tokens are about one character each).
     */
    static LlamaServer start(Path repo, Path binary, Path workDir, boolean lowPriority, int context) throws Exception {
        return start(repo, binary, workDir, lowPriority, context, List.of());
    }

    /** {@code extraArgs}: more of llama-server's options (a chat template, a logit bias). */
    static LlamaServer start(Path repo, Path binary, Path workDir, boolean lowPriority, int context, List<String> extraArgs) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile(workDir, "llama-server", ".log");
        List<String> command = new java.util.ArrayList<>(lowPriority ? List.of("nice", "-n", "19") : List.of());
        command.addAll(List.of(binary.toString(), "-m", repo.resolve(DEMO_GGUF).toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--threads", "1", "--threads-batch", "1", "-c", Integer.toString(context), "-np", "1", "--no-webui"));
        command.addAll(extraArgs);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LlamaServer server = new LlamaServer(p, port, log);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("llama-server exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        server.close();
        throw new IllegalStateException("llama-server did not become healthy in 60 s:\n" + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
