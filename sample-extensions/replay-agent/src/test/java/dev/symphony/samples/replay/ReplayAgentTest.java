package dev.symphony.samples.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay with its real manifest through the SDK's harness (schemas checked): turns, branches, divergence. */
class ReplayAgentTest {
    static ExtensionHarness harness;

    @BeforeAll
    static void start(@TempDir Path workspace) throws Exception {
        harness = new ExtensionHarness(Path.of("symphony-extension.json"), new ReplayAgent(), workspace);
    }

    static Final chat(List<Message> messages) {
        List<JsonNode> chunks = harness.stream("chat", LanguageModelProtocol.toJson(new ChatRequest("edit-and-run", messages, null)));
        Final answer = LanguageModelProtocol.fromJson(chunks.get(chunks.size() - 1), Final.class);
        assertEquals(chunks.subList(0, chunks.size() - 1).stream().map(c -> c.get("token").asText()).collect(Collectors.joining()),
                answer.message().content(), "the streamed chunks are the answer");
        return answer;
    }

    @Test
    void theRecordingIsReplayedTurnByTurnFollowingTheBranchOfEachToolResult() {
        List<Message> messages = new ArrayList<>(List.of(Message.user("Greet Symphony in hello.txt and run the check")));
        Final first = chat(messages);
        assertEquals(FinishReason.TOOL_CALLS, first.finishReason());
        assertEquals("read_file", first.message().toolCalls().get(0).name());
        assertEquals("hello.txt", first.message().toolCalls().get(0).arguments().get("path").asText());
        messages.add(first.message());
        messages.add(Message.toolResult("call-1", "Hello, world\n"));
        Final edit = chat(messages);
        assertEquals("edit_file", edit.message().toolCalls().get(0).name());
        messages.add(edit.message());
        messages.add(Message.toolResult("call-2", "rejected by the user"));
        Final run = chat(messages);
        assertTrue(run.message().content().contains("stays as it is"), run.message().content());
        assertEquals("run_command", run.message().toolCalls().get(0).name());
        messages.add(run.message());
        messages.add(Message.toolResult("call-3", "rejected by the user"));
        Final done = chat(messages);
        assertEquals(FinishReason.STOP, done.finishReason());
        assertEquals(null, done.message().toolCalls());
        assertTrue(done.message().content().contains("I ran nothing"), done.message().content());
    }

    @Test
    void aRequestOffTheRecordingFailsSayingWhere() {
        List<Message> messages = List.of(Message.user("Greet Symphony in hello.txt"), new Message("assistant", "…"),
                Message.toolResult("call-1", "Goodbye"));
        CallFailedException e = assertThrows(CallFailedException.class, () -> chat(messages));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains("left the replay edit-and-run at turn 2"), e.getMessage());
        CallFailedException unknown = assertThrows(CallFailedException.class, () -> harness.stream("chat",
                LanguageModelProtocol.toJson(new ChatRequest("nope", List.of(Message.user("x")), null))));
        assertTrue(unknown.getMessage().contains("no recording 'nope'"), unknown.getMessage());
    }
}
