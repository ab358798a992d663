package dev.symphony.kernel.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.Reply;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.kernel.extensions.CapabilityCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A catalogue call that meets a host restarting (CRASHED), busy (BUSY) or closing (CLOSED) is asked again until
 * {@link ModelInstruments#CATALOGUE_RETRY} has passed; any other failure is recorded at once. The kernel's call is a
 * test double answering from a script; the clock moves only when the retry pauses, so the 10 s take no time.
 */
class ModelInstrumentsRetryTest {
    private static final String ID = "dev.symphony.samples.tiny-lm";
    private static final ModelInfo MODEL = new ModelInfo("bigram", "a demo model", 256, List.of(Feature.CHAT), true);

    /** The kernel's answers in turn (the last repeats), the calls it was asked, the time the retry paused for. */
    private static final class Script implements Function<CapabilityCall, Reply> {
        final List<Object> answers;
        final List<CapabilityCall> asked = new ArrayList<>();
        long nanos;

        Script(Object... answers) {
            this.answers = List.of(answers);
        }

        @Override
        public Reply apply(CapabilityCall call) {
            asked.add(call);
            Object a = answers.get(Math.min(asked.size(), answers.size()) - 1);
            if (a instanceof CallFailedException e) {
                throw e;
            }
            return new Reply(LanguageModelProtocol.toJson(a), 0, 0);
        }

        ModelInstruments instruments() {
            return new ModelInstruments(null, this, () -> nanos, ms -> {
                nanos += TimeUnit.MILLISECONDS.toNanos(ms);
                return true;
            });
        }
    }

    @Test
    void aHostRestartingBusyOrClosingIsAskedAgainAndItsModelsAreListed() {
        for (ErrorCode passing : List.of(ErrorCode.CRASHED, ErrorCode.BUSY, ErrorCode.CLOSED)) {
            Script kernel = new Script(new CallFailedException(passing, ID + " is restarting"), new Catalogue(List.of(MODEL)));
            ModelInstruments instruments = kernel.instruments();
            assertEquals(List.of(new ModelInstruments.ServedModel(ID, MODEL)), instruments.catalogue(ID), passing.name());
            assertEquals(List.of(), instruments.problems(), passing.name());
            assertEquals(2, kernel.asked.size(), passing.name());
            assertEquals(LanguageModelProtocol.MODELS, kernel.asked.get(1).capability());
        }
    }

    @Test
    void aHostThatStaysBusyIsNamedWithItsFailureOnceTheRetryHasPassed() {
        Script kernel = new Script(new CallFailedException(ErrorCode.BUSY, ID + " has no free worker"));
        ModelInstruments instruments = kernel.instruments();
        assertEquals(List.of(), instruments.catalogue(ID));
        assertEquals(List.of(new ModelInstruments.Problem(ID, ID + " has no free worker")), instruments.problems());
        long retry = ModelInstruments.CATALOGUE_RETRY.toNanos();
        assertTrue(kernel.nanos <= retry && kernel.nanos > retry - TimeUnit.SECONDS.toNanos(1),
                "asked again until the retry's end, not past it: " + kernel.nanos / 1_000_000 + " ms");
        assertTrue(kernel.asked.size() > 5, "asked " + kernel.asked.size() + " times");
        assertTrue(instruments.problemsNote().contains(ID + " did not list its models: " + ID + " has no free worker"),
                instruments.problemsNote());
    }

    @Test
    void anyOtherFailureIsNamedAtOnce() {
        Script kernel = new Script(new CallFailedException(ErrorCode.PERMISSION_DENIED, ID + " is not approved"),
                new Catalogue(List.of(MODEL)));
        ModelInstruments instruments = kernel.instruments();
        assertEquals(List.of(), instruments.catalogue(ID));
        assertEquals(List.of(new ModelInstruments.Problem(ID, ID + " is not approved")), instruments.problems());
        assertEquals(1, kernel.asked.size());
        assertEquals(0, kernel.nanos);
    }
}
