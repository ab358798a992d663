package dev.symphony.kernel.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.Reply;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelStream;
import dev.symphony.kernel.extensions.Player;

import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code symphony call EXTENSION_ID CAPABILITY 'JSON' [--timeout MS]}: starts a kernel in this
 * process (not attached to a running IDE), starts the extension's host, calls the capability over
 * the real bus (schema checks, permissions, audit), prints the JSON result — or one JSON line per
 * streamed chunk and a final {@code {"done":true,…}} line with {@code chunks, tokens, cost} — and stops the
 * host. A unary Instrument call prints its output; its tokens and declared cost go to stderr, as do the model's
 * state changes (LOADING, WARM with its load time). Ctrl-C / SIGTERM cancels the call and stops the hosts
 * before the process ends (a shutdown hook). Exit codes: 0 ok, 1 extension error, 2 validation or usage,
 * 3 permission denied, 4 timeout, 5 extension crashed.
 */
public final class CallCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads the JSON argument: something after the value ({@code {"a":1} x}) is an error, not ignored. */
    private static final ObjectMapper INPUT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final String USAGE = "usage: symphony call EXTENSION_ID CAPABILITY 'JSON' [--timeout MS]";

    private CallCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("--help")) {
            out.println(USAGE);
            out.println("exit codes: 0 ok, 1 extension error, 2 validation/usage, 3 permission denied, 4 timeout, 5 extension crashed");
            return 0;
        }
        Duration timeout = null;
        if (args.length == 5 && args[3].equals("--timeout") && args[4].matches("\\d{1,9}")) {
            timeout = Duration.ofMillis(Long.parseLong(args[4]));
        } else if (args.length != 3) {
            err.println(USAGE);
            return 2;
        }
        JsonNode input;
        try {
            input = parseInput(args[2]);
        } catch (IllegalArgumentException e) {
            err.println("symphony call: " + e.getMessage());
            return 2;
        }
        String id = args[0];
        String capability = args[1];
        Kernel kernel = CliKernel.start();
        Interrupt interrupt = new Interrupt(kernel, err);
        Runtime.getRuntime().addShutdownHook(interrupt.hook);
        try (AutoCloseable notices = kernel.onModelState(s -> err.println("symphony call: model of " + s.extensionId()
                + "/" + s.capability() + ": " + s.state() + (s.loadMs() >= 0 ? " (" + s.loadMs() + " ms)" : "")
                + (s.message() != null ? " - " + s.message() : "")))) {
            Player p = kernel.player(id).orElse(null);
            if (p == null || p.manifest() == null) {
                err.println("symphony call: " + (p == null ? "no extension " + id + " (see `symphony ext list`)" : id + ": " + p.problem()));
                return 2;
            }
            ExtensionManifest.Capability cap = p.manifest().capability(capability).orElse(null);
            if (cap == null) {
                err.println("symphony call: " + id + " has no capability '" + capability + "'; it has "
                        + String.join(", ", p.manifest().capabilities().stream().map(ExtensionManifest.Capability::name).toList()));
                return 2;
            }
            Duration t = timeout != null ? timeout : Duration.ofMillis(cap.timeoutMs());
            if (cap.streaming()) {
                try (KernelStream stream = kernel.stream(new CapabilityCall("cli", id, capability, input, t))) {
                    interrupt.stream = stream;
                    JsonNode chunk;
                    while ((chunk = stream.next()) != null) {
                        out.println(chunk);
                        out.flush();
                    }
                    ObjectNode done = JSON.createObjectNode().put("done", true);
                    if (stream.summary() != null) {
                        done.setAll((ObjectNode) stream.summary());
                    }
                    out.println(done);
                } finally {
                    interrupt.stream = null;
                }
            } else {
                Reply result = kernel.call(new CapabilityCall("cli", id, capability, input, t));
                out.println(result.output());
                if (cap.kind() == ExtensionManifest.Kind.INSTRUMENT) {
                    err.println("symphony call: " + result.tokens() + " tokens, cost " + result.cost()
                            + (cap.cost() != null && cap.cost().currency() != null ? " " + cap.cost().currency() : ""));
                }
            }
            return 0;
        } catch (CallFailedException e) {
            if (interrupt.fired) {
                return 130;
            }
            err.println("symphony call: " + e.code().name().toLowerCase() + ": " + e.getMessage());
            return CliKernel.exitCode(e.code());
        } catch (Exception e) {
            err.println("symphony call: " + e);
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupt.hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: it closes the kernel
            }
            kernel.close();
        }
    }

    /**
     * The JSON argument, or an error naming the line and column of the first problem and showing that line
     * with a caret under the column (a shell's quoting often eats a quote or a brace).
     */
    static JsonNode parseInput(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("the input is empty; give a JSON value, e.g. '{}'");
        }
        try {
            return INPUT.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            if (at == null || at.getLineNr() < 1) {
                throw new IllegalArgumentException("the input is not JSON: " + e.getOriginalMessage(), e);
            }
            String[] lines = text.split("\r\n|\r|\n", -1);
            String line = lines[Math.min(at.getLineNr(), lines.length) - 1];
            int column = Math.max(1, at.getColumnNr());
            throw new IllegalArgumentException("the input is not JSON: line " + at.getLineNr() + ", column " + column + ": "
                    + e.getOriginalMessage() + System.lineSeparator() + "  " + line + System.lineSeparator()
                    + "  " + " ".repeat(Math.min(column - 1, line.length())) + "^", e);
        }
    }

    /**
     * Ctrl-C (SIGINT) or SIGTERM while a call runs: the JVM runs this hook. A stream is cancelled (CANCEL to the
     * host, whose Instrument sees {@code cancelled()}), then the kernel stops its hosts (SHUTDOWN: the host marks
     * every running call cancelled, interrupts it, deactivates the extension and exits; killed after 2 s).
     */
    private static final class Interrupt {
        final Thread hook;
        volatile KernelStream stream;
        volatile boolean fired;

        Interrupt(Kernel kernel, PrintStream err) {
            hook = new Thread(() -> {
                fired = true;
                KernelStream s = stream;
                if (s != null) {
                    s.close();
                }
                err.println("symphony call: interrupted; cancelled the call and stopped the extension hosts");
                err.flush();
                kernel.close();
            }, "symphony-call-interrupt");
        }
    }
}
