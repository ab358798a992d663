package dev.symphony.samples.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Recorded conversations. A recording is a list of turns (turn N answers the request that holds N assistant
 * messages); a turn is a list of branches, each the message it expects last in the request (its role, the tool call
 * it answers, a text it contains) and the reply recorded for it. Branches let one recording cover a step the user
 * accepted and one they rejected.
 */
record Recordings(List<Recording> recordings) {
    record Recording(String name, String description, long delayMs, List<List<Branch>> turns) {
    }

    record Branch(Expect expect, Reply reply) {
    }

    /** What the request's last message must be: null fields match anything. */
    record Expect(String role, String toolCallId, String contains) {
        @Override
        public String toString() {
            return "{role " + role + (toolCallId == null ? "" : ", answering " + toolCallId)
                    + (contains == null ? "" : ", containing \"" + contains + "\"") + "}";
        }
    }

    record Reply(String content, List<ToolCall> toolCalls) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The recordings in {@code in}; a file of the wrong shape is an {@link IllegalStateException} naming {@code where}. */
    static Recordings read(InputStream in, String where) {
        if (in == null) {
            throw new IllegalStateException("the recordings " + where + " are missing beside " + ReplayAgent.class.getName());
        }
        try (in) {
            Recordings r = JSON.readValue(in, Recordings.class);
            for (Recording recording : r.recordings()) {
                if (recording.name() == null || recording.turns() == null || recording.turns().isEmpty()) {
                    throw new IllegalStateException(where + ": every recording needs a name and at least one turn");
                }
                for (List<Branch> turn : recording.turns()) {
                    if (turn.isEmpty() || turn.stream().anyMatch(b -> b.expect() == null || b.reply() == null)) {
                        throw new IllegalStateException(where + ": " + recording.name() + ": every turn needs branches with expect and reply");
                    }
                }
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }
}
