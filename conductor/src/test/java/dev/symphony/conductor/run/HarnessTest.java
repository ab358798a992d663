package dev.symphony.conductor.run;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of executor tests: a fresh {@link Harness} per test, every event checked against the event schema after it. */
public abstract class HarnessTest {
    @TempDir
    protected Path dir;
    protected Harness h;

    @BeforeEach
    void openHarness() throws Exception {
        h = new Harness(dir);
    }

    @AfterEach
    void closeHarness() {
        try {
            h.assertEventsValid();
        } finally {
            h.close();
        }
    }
}
