package dev.symphony.conductor.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.conductor.run.TestOperators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The child JVM of {@link ResumeAfterKillTest}: {@code symphony run} with in-process test Operators plus
 * {@code test.ops/mark}, which sleeps and then appends the node's name to a marker file, so the test can
 * count how often each node really ran across a kill and a resume.
 */
public final class ResumeChildMain {
    public static void main(String[] args) {
        System.exit(RunCommand.run(args, System.out, System.err, ResumeChildMain::withMark));
    }

    /** The test Operators and {@code test.ops/mark}. */
    static TestOperators withMark() {
        TestOperators ops = new TestOperators();
        ops.add("test.ops", "mark", "{\"type\":\"object\"}", "{\"type\":\"object\"}", 100, 0, in -> {
            Thread.sleep(in.path("ms").asLong(100));
            Files.writeString(Path.of(in.path("file").asText()), in.path("name").asText() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return JsonNodeFactory.instance.objectNode().put("text", in.path("name").asText());
        });
        return ops;
    }
}
