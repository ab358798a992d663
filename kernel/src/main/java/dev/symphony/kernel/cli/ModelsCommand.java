package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.models.ChatCall;
import dev.symphony.kernel.models.LocalServers;
import dev.symphony.kernel.models.ModelInstruments;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import dev.symphony.kernel.models.Prices;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code symphony models list}: one JSON line per model of every model Instrument ({@code model} as
 * {@code INSTRUMENT/MODEL}, context length, features, demo flag, price per million tokens or null), Instruments
 * that could not answer on stderr. {@code symphony models test ID}: a short chat ("hello", 8 tokens, seed 1)
 * through the kernel; one JSON line with {@code ok}, the time to the first token and in all, the usage.
 * {@code symphony models list --server INSTRUMENT}: the models that Instrument's server offers now ({@code /v1/models},
 * Ollama's tags). {@code symphony models probe}: the model servers on this machine (127.0.0.1: Ollama on 11434, an
 * OpenAI-compatible server on 8080 and 1234; {@code --port PORT}, repeatable, looks on those ports of 127.0.0.1 instead,
 * for both kinds: vLLM's 8000, a second llama-server), one JSON line each with the settings that would select it.
 */
public final class ModelsCommand {
    static final String USAGE = "usage: symphony models list [--server INSTRUMENT] | test MODEL | probe [--port PORT]…";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelsCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean list = args.length == 1 && args[0].equals("list");
        boolean test = args.length == 2 && args[0].equals("test");
        boolean server = args.length == 3 && args[0].equals("list") && args[1].equals("--server");
        if (args.length >= 1 && args[0].equals("probe")) {
            List<LocalServers.Candidate> candidates = candidates(args, err);
            return candidates == null ? 2 : probe(candidates, out, err);
        }
        if (!list && !test && !server) {
            (args.length == 1 && args[0].equals("--help") ? out : err).println(USAGE);
            return args.length == 1 && args[0].equals("--help") ? 0 : 2;
        }
        PriceTable prices;
        try {
            prices = Prices.load(SymphonyPaths.resolve());
        } catch (RuntimeException e) {
            err.println("symphony models: " + e.getMessage());
            return 2;
        }
        try (Kernel kernel = CliKernel.start()) {
            ModelInstruments instruments = new ModelInstruments(kernel);
            if (server) {
                for (ServedModel s : instruments.listed(args[2], Duration.ofSeconds(30))) {
                    ObjectNode line = JSON.createObjectNode().put("model", s.qualifiedId()).put("id", s.model().id())
                            .put("displayName", s.model().displayName()).put("contextLength", s.model().contextLength());
                    prices.price(s.instrument(), s.model().id()).ifPresentOrElse(p -> line.putObject("pricePerMillion")
                            .put("input", p.inputPerMillion()).put("output", p.outputPerMillion()).put("currency", p.currency()),
                            () -> line.putNull("pricePerMillion"));
                    out.println(line);
                }
                return 0;
            }
            return list ? list(instruments, prices, out, err) : test(kernel, instruments, args[1], out, err);
        } catch (CallFailedException e) {
            err.println("symphony models: " + e.code().name().toLowerCase() + ": " + e.getMessage());
            return CliKernel.exitCode(e.code());
        }
    }

    /** {@code probe}'s places: the defaults, or both kinds on each {@code --port}; null (usage on stderr) for bad arguments. */
    static List<LocalServers.Candidate> candidates(String[] args, PrintStream err) {
        if (args.length == 1) {
            return LocalServers.DEFAULTS;
        }
        List<LocalServers.Candidate> out = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i += 2) {
            int port = -1;
            try {
                port = args[i].equals("--port") && i + 1 < args.length ? Integer.parseInt(args[i + 1]) : -1;
            } catch (NumberFormatException e) {
                // reported below
            }
            if (port < 1 || port > 65_535) {
                err.println("symphony models: " + (args[i].equals("--port") ? "--port takes a port number 1-65535, not '"
                        + (i + 1 < args.length ? args[i + 1] : "") + "'" : "unknown option '" + args[i] + "'"));
                err.println(USAGE);
                return null;
            }
            for (LocalServers.Kind kind : LocalServers.Kind.values()) {
                out.add(new LocalServers.Candidate(kind, port));
            }
        }
        return out;
    }

    private static int probe(List<LocalServers.Candidate> candidates, PrintStream out, PrintStream err) {
        List<LocalServers.Found> found = new LocalServers(Duration.ofMillis(1500)).probe(candidates);
        for (LocalServers.Found f : found) {
            ObjectNode line = JSON.createObjectNode().put("kind", f.kind().name().toLowerCase()).put("baseUrl", f.baseUrl())
                    .put("instrument", f.kind().instrument);
            line.set("models", JSON.valueToTree(f.models()));
            ObjectNode settings = line.putObject("settings");
            f.settings().forEach(kv -> settings.put(kv[0], kv[1]));
            out.println(line);
        }
        if (found.isEmpty()) {
            err.println("symphony models: no model server answered on 127.0.0.1 (ports "
                    + candidates.stream().map(c -> String.valueOf(c.port())).distinct().collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        return 0;
    }

    private static int list(ModelInstruments instruments, PriceTable prices, PrintStream out, PrintStream err) {
        List<ServedModel> models = instruments.models();
        for (ServedModel s : models) {
            ObjectNode line = JSON.createObjectNode().put("model", s.qualifiedId()).put("id", s.model().id())
                    .put("instrument", s.instrument()).put("displayName", s.model().displayName())
                    .put("contextLength", s.model().contextLength()).put("demo", s.model().demo());
            line.set("features", JSON.valueToTree(s.model().features()));
            prices.price(s.instrument(), s.model().id()).ifPresentOrElse(p -> line.putObject("pricePerMillion")
                    .put("input", p.inputPerMillion()).put("output", p.outputPerMillion()).put("currency", p.currency()),
                    () -> line.putNull("pricePerMillion"));
            out.println(line);
        }
        instruments.problems().forEach(p -> err.println("symphony models: " + p.instrument() + " did not list its models: " + p.message()));
        if (models.isEmpty() && instruments.problems().isEmpty()) {
            err.println("symphony models: no model Instrument is installed or built (see `symphony ext list`)");
        }
        return instruments.problems().isEmpty() ? 0 : 1;
    }

    private static int test(Kernel kernel, ModelInstruments instruments, String name, PrintStream out, PrintStream err) {
        ServedModel served = instruments.find(name);
        long start = System.nanoTime();
        long[] firstToken = {-1};
        ObjectNode line = JSON.createObjectNode().put("model", served.qualifiedId());
        try {
            Final answer = new ChatCall(kernel).run(served, new ChatRequest(null, List.of(Message.user("hello")),
                    new Sampling(8, null, null, 1L, null)), Duration.ofMinutes(2), token -> {
                        if (firstToken[0] < 0) {
                            firstToken[0] = System.nanoTime() - start;
                        }
                    });
            line.put("ok", true).put("firstTokenMs", firstToken[0] < 0 ? null : firstToken[0] / 1_000_000)
                    .put("totalMs", (System.nanoTime() - start) / 1_000_000).put("finishReason", answer.finishReason().wire());
            line.set("usage", LanguageModelProtocol.toJson(answer.usage()));
            out.println(line);
            return 0;
        } catch (CallFailedException e) {
            out.println(line.put("ok", false).put("error", e.code().name().toLowerCase() + ": " + e.getMessage()));
            return CliKernel.exitCode(e.code());
        }
    }
}
