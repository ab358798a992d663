package dev.symphony.ipc.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Coverage-guided fuzzing (Jazzer) of what a peer's frame goes through before any handler sees it: the frame
 * header decoder and the payload decoder. Whatever bytes a hostile host writes into its queue, the header decoder
 * answers an {@link Envelope} or an {@link IllegalStateException} naming the problem, and the payload decoder a
 * tree or a {@link BusException} with {@link BusStatus#MALFORMED} — never another exception (the endpoint turns
 * exactly these into a broken channel), a hang or an out-of-memory. Bounded in {@code mvn verify}
 * (the parent pom's surefire execution {@code fuzz}, with {@code JAZZER_FUZZ=1}); inputs that ever crashed it are replayed from
 * {@code src/test/resources/dev/symphony/ipc/api/FrameDecoderFuzzTestInputs/}. Longer runs: the module README.
 */
class FrameDecoderFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void aFrameDecodesOrIsRefusedByName(byte[] frame) {
        Bytes<byte[]> bytes = Bytes.wrapForRead(frame);
        Envelope envelope;
        try {
            envelope = MessageHeaderDescriptor.read(bytes);
        } catch (IllegalStateException refused) {
            return;
        }
        try {
            PayloadCodec.decode(envelope.payload());
        } catch (BusException e) {
            if (e.status() != BusStatus.MALFORMED) {
                throw new AssertionError("a bad payload must be MALFORMED, was " + e.status(), e);
            }
        }
    }
}
