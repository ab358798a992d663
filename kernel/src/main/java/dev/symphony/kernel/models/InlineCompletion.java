package dev.symphony.kernel.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.CompleteRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelStream;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One inline suggestion (the {@code inline} role, setting {@code models.inline}) asked of a model Instrument's
 * {@code complete} capability: the text before the caret and after it (fill in the middle where the Instrument's
 * server offers it), a few dozen tokens, cut where a suggestion should end. {@link #cancel()} (any thread) closes the
 * stream, which cancels the call in the host and the host's request to its server. One object per request.
 */
public final class InlineCompletion {
    /** Characters of context sent: before the caret and after it. */
    public static final int PREFIX_CHARS = 3_000;
    public static final int SUFFIX_CHARS = 1_000;
    public static final int MAX_TOKENS = 48;
    public static final int MAX_LINES = 8;
    private static final Set<String> WARM = ConcurrentHashMap.newKeySet();

    private final Kernel kernel;
    private volatile KernelStream stream;
    private volatile boolean cancelled;

    public InlineCompletion(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * The suggestion to insert at the caret ("" for none). {@code prefix} and {@code suffix} are cut here to
     * {@link #PREFIX_CHARS} and {@link #SUFFIX_CHARS}. Throws {@link CallFailedException} (CANCELLED after {@link #cancel()}).
     */
    public String complete(ServedModel model, String prefix, String suffix, Duration timeout) {
        String before = prefix.length() > PREFIX_CHARS ? prefix.substring(prefix.length() - PREFIX_CHARS) : prefix;
        String after = suffix.length() > SUFFIX_CHARS ? suffix.substring(0, SUFFIX_CHARS) : suffix;
        CompleteRequest request = new CompleteRequest(model.model().id(), before, after,
                new Sampling(MAX_TOKENS, 0.2, null, null, List.of("\n\n\n")));
        if (WARM.add(model.instrument())) {
            try {
                kernel.warmUp("workbench", model.instrument(), LanguageModelProtocol.COMPLETE).join();
            } catch (CompletionException e) {
                WARM.remove(model.instrument());
                throw e.getCause() instanceof CallFailedException f ? f
                        : new CallFailedException(ErrorCode.EXTENSION_ERROR, model.instrument() + " did not warm up: " + e.getCause());
            }
        }
        if (cancelled) {
            throw new CallFailedException(ErrorCode.CANCELLED, "cancelled");
        }
        StringBuilder text = new StringBuilder();
        try (KernelStream s = kernel.stream(new CapabilityCall("workbench", model.instrument(), LanguageModelProtocol.COMPLETE,
                LanguageModelProtocol.toJson(request), timeout))) {
            stream = s;
            if (cancelled) {
                throw new CallFailedException(ErrorCode.CANCELLED, "cancelled");
            }
            JsonNode chunk;
            while ((chunk = s.next()) != null) {
                if (Final.isFinal(chunk)) {
                    Final answer = LanguageModelProtocol.fromJson(chunk, Final.class);
                    return trim(answer.message() == null || answer.message().content() == null ? text.toString() : answer.message().content(), after);
                }
                if (chunk.path("token").isTextual()) {
                    text.append(chunk.get("token").asText());
                }
            }
            throw new CallFailedException(ErrorCode.EXTENSION_ERROR, model.instrument() + "'s complete stream ended without its final answer");
        } catch (IllegalArgumentException badFinal) {
            throw new CallFailedException(ErrorCode.EXTENSION_ERROR, model.instrument() + " sent a bad final answer: " + badFinal.getMessage());
        } finally {
            stream = null;
        }
    }

    public void cancel() {
        cancelled = true;
        KernelStream s = stream;
        if (s != null) {
            s.close();
        }
    }

    /**
     * What of a model's answer is shown: at most {@link #MAX_LINES} lines, without trailing blanks, without a tail that
     * repeats the text after the caret (a model that ignores the suffix), "" when only blanks remain.
     */
    public static String trim(String answer, String suffix) {
        String s = answer.replace("\r\n", "\n");
        String firstSuffixLine = suffix.strip().lines().findFirst().orElse("");
        if (!firstSuffixLine.isEmpty()) {
            int at = s.indexOf(firstSuffixLine);
            if (at > 0 && s.substring(0, at).contains("\n")) {
                s = s.substring(0, at);
            }
        }
        int lines = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n' && ++lines == MAX_LINES) {
                s = s.substring(0, i);
                break;
            }
        }
        s = s.stripTrailing();
        return s.isBlank() ? "" : s;
    }
}
