package dev.symphony.kernel.models;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.Reply;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.Player;
import dev.symphony.kernel.extensions.PlayerState;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * The model Instruments of a kernel and the models they serve. An extension is a model Instrument when its
 * manifest declares {@code models} and a streaming Instrument capability {@code chat}. Catalogues are asked for
 * through {@link Kernel#call} (which starts the extension's host; no model is loaded to answer).
 */
public final class ModelInstruments {
    /** One model and the Instrument serving it. */
    public record ServedModel(String instrument, ModelInfo model) {
        /** {@code instrument/model}, the unambiguous name. */
        public String qualifiedId() {
            return instrument + "/" + model.id();
        }
    }

    /** A model Instrument whose catalogue could not be read (its host failed, a bad answer). */
    public record Problem(String instrument, String message) {
    }

    private static final Duration CATALOGUE_TIMEOUT = Duration.ofSeconds(30);
    /** How long a catalogue is asked again while its host restarts or is busy. */
    static final Duration CATALOGUE_RETRY = Duration.ofSeconds(10);
    private final Kernel kernel;
    /** How a catalogue is asked for ({@link Kernel#call}), and the clock and pause its retries wait by. */
    private final Function<CapabilityCall, Reply> calls;
    private final LongSupplier nanoClock;
    private final LongPredicate pause;
    private final List<Problem> problems = new ArrayList<>();

    public ModelInstruments(Kernel kernel) {
        this(kernel, call -> kernel.call(call), System::nanoTime, ModelInstruments::pause);
    }

    /**
     * For the retry's unit test: catalogues asked through {@code calls}, the retry's deadline on {@code nanoClock},
     * its waits by {@code pause} (milliseconds; false when interrupted).
     */
    ModelInstruments(Kernel kernel, Function<CapabilityCall, Reply> calls, LongSupplier nanoClock, LongPredicate pause) {
        this.kernel = kernel;
        this.calls = calls;
        this.nanoClock = nanoClock;
        this.pause = pause;
    }

    /** Ids of the enabled extensions that are model Instruments, in the registry's order. */
    public List<String> instruments() {
        List<String> ids = new ArrayList<>();
        for (Player p : kernel.players()) {
            ExtensionManifest m = p.manifest();
            if (m != null && p.state() != PlayerState.DISABLED && isModelInstrument(m)) {
                ids.add(p.id());
            }
        }
        return ids;
    }

    static boolean isModelInstrument(ExtensionManifest manifest) {
        return manifest.capability(LanguageModelProtocol.MODELS).isPresent()
                && manifest.capability(LanguageModelProtocol.CHAT)
                        .filter(c -> c.kind() == ExtensionManifest.Kind.INSTRUMENT && c.streaming()).isPresent();
    }

    /** Every model of every model Instrument; an Instrument that cannot answer is skipped and listed in {@link #problems()}. */
    public List<ServedModel> models() {
        List<ServedModel> out = new ArrayList<>();
        for (String id : instruments()) {
            out.addAll(catalogue(id));
        }
        return out;
    }

    /**
     * One Instrument's models (its host is started to answer); empty, and a problem recorded, when it cannot answer. A
     * host that crashed and is being restarted, or that is busy, is asked again until {@link #CATALOGUE_RETRY} has
     * passed: a listing is cheap, and a model chosen from a list that missed an Instrument for a moment is a wrong one.
     */
    List<ServedModel> catalogue(String id) {
        List<ServedModel> out = new ArrayList<>();
        long deadline = nanoClock.getAsLong() + CATALOGUE_RETRY.toNanos();
        for (long pauseMs = 100; ; pauseMs = Math.min(pauseMs * 2, 1_000)) {
            try {
                Catalogue catalogue = LanguageModelProtocol.fromJson(calls.apply(new CapabilityCall("cli", id,
                        LanguageModelProtocol.MODELS, JsonNodeFactory.instance.objectNode(), CATALOGUE_TIMEOUT)).output(), Catalogue.class);
                for (ModelInfo m : catalogue.models()) {
                    out.add(new ServedModel(id, m));
                }
                return out;
            } catch (CallFailedException e) {
                boolean passing = e.code() == ErrorCode.CRASHED || e.code() == ErrorCode.BUSY || e.code() == ErrorCode.CLOSED;
                if (!passing || nanoClock.getAsLong() + pauseMs * 1_000_000 > deadline || !pause.test(pauseMs)) {
                    problems.add(new Problem(id, e.getMessage()));
                    return out;
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(id, e.getMessage()));
                return out;
            }
        }
    }

    private static boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The capability asking an Instrument's server for the models it offers now (openai-compatible, anthropic, ollama). */
    public static final String LIST_MODELS = "list-models";

    /**
     * The models {@code instrument}'s server offers now (its {@value #LIST_MODELS} capability: {@code /v1/models},
     * Ollama's tags), through the kernel and the broker. Throws {@link CallFailedException}: UNKNOWN_CAPABILITY when
     * the Instrument lists nothing beyond its catalogue, else the server's failure (refused, no key, HTTP status).
     */
    public List<ServedModel> listed(String instrument, Duration timeout) {
        ExtensionManifest m = kernel.players().stream().filter(p -> p.id().equals(instrument)).map(Player::manifest)
                .filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new CallFailedException(ErrorCode.INVALID_INPUT, "no model Instrument '" + instrument + "'"));
        if (m.capability(LIST_MODELS).isEmpty()) {
            throw new CallFailedException(ErrorCode.UNKNOWN_CAPABILITY, instrument + " does not list its server's models");
        }
        try (dev.symphony.kernel.extensions.KernelStream s = kernel.stream(new CapabilityCall("cli", instrument, LIST_MODELS,
                JsonNodeFactory.instance.objectNode(), timeout))) {
            com.fasterxml.jackson.databind.JsonNode chunk = s.next();
            if (chunk == null) {
                throw new CallFailedException(ErrorCode.EXTENSION_ERROR, instrument + " listed nothing (its stream ended empty)");
            }
            List<ServedModel> out = new ArrayList<>();
            for (ModelInfo info : LanguageModelProtocol.fromJson(chunk, Catalogue.class).models()) {
                out.add(new ServedModel(instrument, info));
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw new CallFailedException(ErrorCode.EXTENSION_ERROR, instrument + " sent a bad model list: " + e.getMessage());
        }
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * The model named {@code name}: {@code INSTRUMENT/MODEL} or a bare model id that one Instrument serves. Throws
     * {@link CallFailedException} (INVALID_INPUT) naming the choices when there is none or more than one.
     */
    public ServedModel find(String name) {
        int slash = name.lastIndexOf('/');
        if (slash > 0 && instruments().contains(name.substring(0, slash))) { // INSTRUMENT/MODEL: only that Instrument's host is started
            for (ServedModel m : catalogue(name.substring(0, slash))) {
                if (m.qualifiedId().equals(name)) {
                    return m;
                }
            }
        }
        List<ServedModel> all = models();
        List<ServedModel> matches = all.stream().filter(s -> s.qualifiedId().equals(name) || s.model().id().equals(name)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        List<String> names = (matches.isEmpty() ? all : matches).stream().map(ServedModel::qualifiedId).toList();
        throw new CallFailedException(ErrorCode.INVALID_INPUT, (matches.isEmpty() ? "no model '" + name + "'" : "'" + name
                + "' is served by more than one Instrument; name one") + "; models: " + (names.isEmpty() ? "none" : String.join(", ", names))
                + problemsNote());
    }

    /** The first demo model any Instrument serves (the answer when no model is configured); Instruments after it are not started. */
    public Optional<ServedModel> demo() {
        for (String id : instruments()) {
            Optional<ServedModel> demo = catalogue(id).stream().filter(s -> s.model().demo()).findFirst();
            if (demo.isPresent()) {
                return demo;
            }
        }
        return Optional.empty();
    }

    /** ", and INSTRUMENT did not answer: WHY" for each problem, or "". */
    public String problemsNote() {
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            b.append("; ").append(p.instrument()).append(" did not list its models: ").append(p.message());
        }
        return b.toString();
    }
}
