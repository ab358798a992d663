package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.models.ChatCall;
import dev.symphony.kernel.models.FirstRun;
import dev.symphony.kernel.models.ModelInstruments;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import dev.symphony.kernel.models.ModelRouter;
import dev.symphony.kernel.models.RouterSettings;
import dev.symphony.kernel.models.Prices;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code symphony ask [--model M|--role R] [--max-tokens N] [--temperature T] [--seed S] "PROMPT"}: streams a
 * model's answer to stdout as its tokens arrive (a line feed after the last), then prints one JSON line on stderr:
 * {@code {"model","usage":{inputTokens,outputTokens},"finishReason","cost","currency","attempts"}} (cost null when
 * the price table does not know the model). The model: {@code --model}, else the role's setting
 * ({@code models.chat} for the default role {@code chat}), else the local demo model, which then says on stderr
 * that it is a demo. The {@link ModelRouter} sends the request, falling back along {@code models.fallback} (each
 * fallback announced on stderr) within the budgets; the model Instrument is reached through the kernel (its host
 * process, the bus), like every extension. Exit codes as {@code symphony call}'s; 130 on Ctrl-C.
 */
public final class AskCommand {
    static final String USAGE = "usage: symphony ask [--model M|--role chat|inline|agent|embed] [--max-tokens N] [--temperature T] [--seed S] \"PROMPT\"";
    static final String SETTING = "models.chat";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AskCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String model = null;
        String role = "chat";
        Integer maxTokens = null;
        Double temperature = null;
        Long seed = null;
        String prompt = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--model" -> model = value(args, ++i, a);
                    case "--role" -> role = value(args, ++i, a);
                    case "--max-tokens" -> maxTokens = Integer.parseInt(value(args, ++i, a));
                    case "--temperature" -> temperature = Double.parseDouble(value(args, ++i, a));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("--") || prompt != null) {
                            throw new IllegalArgumentException(a.startsWith("--") ? "unknown option " + a : "one prompt only; quote it");
                        }
                        prompt = a;
                    }
                }
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included
            err.println("symphony ask: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (prompt == null || prompt.isBlank()) {
            err.println(USAGE);
            return 2;
        }
        SymphonyPaths paths = SymphonyPaths.resolve();
        PriceTable prices;
        RouterSettings routing;
        try {
            prices = Prices.load(paths);
            routing = RouterSettings.read(paths, role);
        } catch (RuntimeException e) {
            err.println("symphony ask: " + e.getMessage());
            return 2;
        }
        if (model == null && routing.roleModel() == null && System.console() != null && !new FirstRun(paths).asked()) {
            try { // a terminal to ask: with the user's consent, look for a model server on this machine (FirstRun)
                if (new FirstRun(paths).offer(new java.io.BufferedReader(System.console().reader()), err)) {
                    routing = RouterSettings.read(paths, role);
                }
            } catch (java.io.IOException | RuntimeException e) {
                err.println("symphony ask: looking for a local model server failed: " + e.getMessage());
            }
        }
        Kernel kernel = CliKernel.start();
        AskRouting routed = new AskRouting(paths, prices, routing, new ChatCall(kernel));
        Thread hook = new Thread(() -> {
            routed.cancel();
            err.println("symphony ask: interrupted; cancelled the request");
            kernel.close();
        }, "symphony-ask-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ModelInstruments instruments = new ModelInstruments(kernel);
            ServedModel served = choose(instruments, model, routing.roleModel(), "models." + role, err);
            if (served == null) {
                return 1;
            }
            ModelRouter.Routed answer = routed.ask(AskRouting.chain(served, routing, instruments, err),
                    new ChatRequest(null, List.of(Message.user(prompt)), new Sampling(maxTokens, temperature, null, seed, null)), out, err);
            err.println(summary(answer));
            return 0;
        } catch (CallFailedException e) {
            err.println("symphony ask: " + e.code().name().toLowerCase() + ": " + e.getMessage());
            return CliKernel.exitCode(e.code());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs and closes the kernel
            }
            kernel.close();
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static ServedModel choose(ModelInstruments instruments, String requested, String configured, String setting, PrintStream err) {
        String name = requested != null ? requested : configured;
        if (name != null) {
            ServedModel served = instruments.find(name);
            if (served.model().demo()) {
                err.println("symphony ask: " + served.qualifiedId() + " is a DEMO model: it writes gibberish, it is not an assistant");
            }
            return served;
        }
        ServedModel demo = instruments.demo().orElse(null);
        if (demo == null) {
            err.println("symphony ask: no model configured (--model, or the setting " + setting + ") and no demo model available"
                    + " (a plain build makes it: mvn -DskipTests package)" + instruments.problemsNote());
            return null;
        }
        err.println("symphony ask: no model configured (--model, or the setting " + setting + "); the local DEMO model "
                + demo.qualifiedId() + " answers: it writes gibberish, it is not an assistant");
        return demo;
    }

    static String summary(ModelRouter.Routed routed) {
        ServedModel served = routed.model();
        ObjectNode line = JSON.createObjectNode().put("model", served.qualifiedId());
        line.set("usage", LanguageModelProtocol.toJson(routed.answer().usage()));
        line.put("finishReason", routed.answer().finishReason().wire());
        if (routed.cost() != null) {
            line.put("cost", routed.cost()).put("currency", routed.currency());
        } else {
            line.putNull("cost").put("price", "unknown: " + served.model().id() + " is not in the price table");
        }
        if (routed.attempts().size() > 1) {
            line.set("attempts", JSON.valueToTree(routed.attempts()));
        }
        return line.toString();
    }
}
