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
import dev.symphony.kernel.models.ModelInstruments;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import dev.symphony.kernel.models.Prices;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.settings.SettingsSchema;
import dev.symphony.kernel.settings.SettingsService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code symphony ask [--model M] [--max-tokens N] [--temperature T] [--seed S] "PROMPT"}: streams a model's answer to
 * stdout as its tokens arrive (a line feed after the last), then prints one JSON line on stderr:
 * {@code {"model","usage":{inputTokens,outputTokens},"finishReason","cost","currency"}} (cost null when the price
 * table does not know the model). The model: {@code --model}, else the {@code models.chat} setting, else the
 * local demo model, which then says on stderr that it is a demo. The model Instrument is reached through the
 * kernel (its host process, the bus), like every extension. Exit codes as {@code symphony call}'s; 130 on Ctrl-C.
 */
public final class AskCommand {
    static final String USAGE = "usage: symphony ask [--model M] [--max-tokens N] [--temperature T] [--seed S] \"PROMPT\"";
    static final String SETTING = "models.chat";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private AskCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String model = null;
        Integer maxTokens = null;
        Double temperature = null;
        Long seed = null;
        String prompt = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--model" -> model = value(args, ++i, a);
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
        try {
            prices = Prices.load(paths);
        } catch (RuntimeException e) {
            err.println("symphony ask: " + e.getMessage());
            return 2;
        }
        Kernel kernel = CliKernel.start();
        ChatCall call = new ChatCall(kernel);
        Thread hook = new Thread(() -> {
            call.cancel();
            err.println("symphony ask: interrupted; cancelled the request");
            kernel.close();
        }, "symphony-ask-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ServedModel served = choose(new ModelInstruments(kernel), model, configured(paths), err);
            if (served == null) {
                return 1;
            }
            StringBuilder text = new StringBuilder();
            Final answer = call.run(served, new ChatRequest(null, List.of(Message.user(prompt)),
                    new Sampling(maxTokens, temperature, null, seed, null)), TIMEOUT, token -> {
                        text.append(token);
                        out.print(token);
                        out.flush();
                    });
            if (text.length() == 0 || text.charAt(text.length() - 1) != '\n') {
                out.println();
            }
            out.flush();
            err.println(summary(served, answer, prices));
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

    /** The {@code models.chat} user setting, or null when unset or empty. */
    static String configured(SymphonyPaths paths) {
        try (SettingsService settings = new SettingsService(SettingsSchema.core(), paths.userSettingsFile(), null)) {
            String value = settings.getString(SETTING);
            return value == null || value.isBlank() ? null : value;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    static ServedModel choose(ModelInstruments instruments, String requested, String configured, PrintStream err) {
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
            err.println("symphony ask: no model configured (--model, or the setting " + SETTING + ") and no demo model available"
                    + " (a plain build makes it: mvn -DskipTests package)" + instruments.problemsNote());
            return null;
        }
        err.println("symphony ask: no model configured (--model, or the setting " + SETTING + "); the local DEMO model "
                + demo.qualifiedId() + " answers: it writes gibberish, it is not an assistant");
        return demo;
    }

    static String summary(ServedModel served, Final answer, PriceTable prices) {
        ObjectNode line = JSON.createObjectNode().put("model", served.qualifiedId());
        line.set("usage", LanguageModelProtocol.toJson(answer.usage()));
        line.put("finishReason", answer.finishReason().wire());
        prices.price(served.model().id()).ifPresentOrElse(p -> line.put("cost", p.cost(answer.usage())).put("currency", p.currency()),
                () -> line.putNull("cost").put("price", "unknown: " + served.model().id() + " is not in the price table"));
        return line.toString();
    }
}
