package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceSmokeTest {
    @Test
    void aSequenceRunsInOrderAndStoresEveryArtifact(@TempDir Path dir) throws Exception {
        try (Harness h = new Harness(dir)) {
            RunResult r = h.run("""
                {"formatVersion":1,"name":"seq","nodes":[
                  {"id":"text","type":"input","schema":{"type":"string"}},
                  {"id":"up","type":"call","extension":"test.ops","capability":"upper","input":{"text":"${text}"}},
                  {"id":"out","type":"output","value":"${up.text}!"}],
                 "connections":[{"from":"text","to":"up"},{"from":"up","to":"out"}]}""", "{\"text\":\"hello\"}");
            assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
            assertEquals("HELLO!", r.outputs().path("out").asText());
            assertEquals(List.of("text", "up", "out"), h.finished());
            assertEquals(3, h.trace("artifact.stored").size());
            h.assertEventsValid();
        }
    }
}
