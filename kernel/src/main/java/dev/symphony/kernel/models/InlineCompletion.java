package dev.symphony.kernel.models;

import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.CompleteRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import java.time.Duration;
import java.util.List;

/**
 * One inline suggestion (the {@code inline} role, setting {@code models.inline}) asked of a model Instrument's
 * {@code complete} capability: the text before the caret and after it (fill in the middle where the Instrument's
 * server offers it), a few dozen tokens, cut where a suggestion should end. {@link #cancel()} (any thread) closes the
 * stream (through {@link ChatCall}, which also warms the Instrument), which cancels the call in the host and the host's request to its server. One object per request.
 */
public final class InlineCompletion {
    /** Characters of context sent: before the caret and after it. */
    public static final int PREFIX_CHARS = 3_000;
    public static final int SUFFIX_CHARS = 1_000;
    public static final int MAX_TOKENS = 48;
    public static final int MAX_LINES = 8;
    private final ChatCall call;

    public InlineCompletion(Kernel kernel) {
        this.call = new ChatCall(kernel);
    }

    /**
     * The suggestion to insert at the caret ("" for none). {@code prefix} and {@code suffix} are cut here to
     * {@link #PREFIX_CHARS} and {@link #SUFFIX_CHARS}. Throws {@link dev.symphony.contract.CallFailedException} (CANCELLED after {@link #cancel()}).
     */
    public String complete(ServedModel model, String prefix, String suffix, Duration timeout) {
        String before = prefix.length() > PREFIX_CHARS ? prefix.substring(prefix.length() - PREFIX_CHARS) : prefix;
        String after = suffix.length() > SUFFIX_CHARS ? suffix.substring(0, SUFFIX_CHARS) : suffix;
        CompleteRequest request = new CompleteRequest(model.model().id(), before, after,
                new Sampling(MAX_TOKENS, 0.2, null, null, List.of("\n\n\n")));
        LanguageModelProtocol.Final answer = call.stream("workbench", model.instrument(), LanguageModelProtocol.COMPLETE,
                LanguageModelProtocol.toJson(request), timeout, token -> { });
        return trim(answer.message() == null || answer.message().content() == null ? "" : answer.message().content(), after);
    }

    public void cancel() {
        call.cancel();
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
