package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * What the tests against a real language server share: the server from the tools folder {@code SYMPHONY_TOOLS_DIR}
 * names (as {@code .ci/run} installs it) or the PATH, the test skipped with a message without it; the extension with
 * the real manifest in the SDK's harness; waiting for one of its events.
 */
record RealServer(LspExtension extension, ExtensionHarness harness) implements AutoCloseable {
    /** Starts the extension for server {@code name} over {@code workspace}, its servers stopped {@code idle} after their last document. */
    static RealServer start(String name, Path workspace, Duration idle) throws Exception {
        ToolsFolder tools = ToolsFolder.fromEnvironment(System.getenv());
        ServerSpec spec = ServerSpecs.defaults().named(name).orElseThrow();
        Assumptions.assumeTrue(tools.find(spec).isPresent(), spec.command() + " is not installed (neither on the PATH nor in "
                + tools.installDir(spec).map(Path::toString).orElse(ToolsFolder.ENV + " (unset)")
                + "): skipped; .ci/run installs it, or: symphony lsp install " + name);
        LspExtension extension = new LspExtension(new ServerPool.Context(idle, Duration.ofMillis(100), Duration.ofSeconds(1), 3), tools);
        return new RealServer(extension, new ExtensionHarness(Path.of("symphony-extension.json"), extension, workspace));
    }

    /** The payload of the first event named {@code name} that {@code wanted} accepts, waiting up to {@code wait}. */
    JsonNode await(String name, Predicate<JsonNode> wanted, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (var e : harness.events()) {
                if (e.name().equals(name) && wanted.test(e.payload())) {
                    return e.payload();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such " + name + " within " + wait + "; events: " + harness.events());
    }

    /** Writes {@code text} to {@code name} in {@code workspace} and opens it in the extension as version 1. */
    Path open(Path workspace, String name, String text) throws Exception {
        Path file = workspace.resolve(name);
        java.nio.file.Files.writeString(file, text);
        harness.call("documents", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("event", "open")
                .put("root", workspace.toString()).put("file", file.toString()).put("version", 1).put("text", text));
        return file;
    }

    @Override
    public void close() {
        extension.deactivate();
    }
}
