package dev.symphony.ui.chat.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.approvals.Decision;
import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's tools with the real default policy, real files and real commands; the person answering the approval
 * prompts and the editor's buffers are stood in for (files edited on disk), as this tests one class.
 */
class AgentToolsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path workspace;
    @TempDir
    Path config;
    final List<String> asked = new ArrayList<>();
    boolean answer;
    AgentTools tools;

    /** Edits on disk, as the agent's edits of a file no tab has open. */
    final WorkspaceEdits onDisk = new WorkspaceEdits() {
        @Override
        public String read(Path file) throws java.io.IOException {
            return Files.readString(file);
        }

        @Override
        public ProposedEdit propose(Path file, String oldText, String newText) throws java.io.IOException {
            String text = Files.readString(file);
            int at = text.indexOf(oldText);
            return new ProposedEdit(file, ProposedEdit.ON_DISK, text, text.replace(oldText, newText),
                    ChangeSet.of(new TextEdit(at, at + oldText.length(), newText)));
        }

        @Override
        public void apply(ProposedEdit edit) throws java.io.IOException {
            Files.writeString(edit.file(), edit.after());
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        ApprovalPolicy policy = ApprovalPolicy.load(config, workspace);
        ApprovalGate gate = (title, detail, verdict) -> {
            asked.add(title + "\n" + detail);
            return CompletableFuture.completedFuture(answer);
        };
        tools = new AgentTools(workspace, policy, gate, onDisk, new CommandRunner(Duration.ofSeconds(20)));
        Files.writeString(workspace.resolve("a.txt"), "alpha\nbeta\n");
        Files.writeString(workspace.resolve(".env"), "TOKEN=secret\n");
    }

    AgentTools.Outcome call(String tool, String args) throws Exception {
        return tools.run(new ToolCall("c", tool, JSON.readTree(args)), () -> false);
    }

    @Test
    void readsAndListsWithoutAskingButNeverWhatTheAgentignoreKeeps() throws Exception {
        AgentTools.Outcome read = call("read_file", "{\"path\":\"a.txt\"}");
        assertEquals("alpha\nbeta\n", read.result());
        assertEquals(Decision.ALLOW, read.decision());
        AgentTools.Outcome env = call("read_file", "{\"path\":\".env\"}");
        assertFalse(env.ran());
        assertEquals(Decision.DENY, env.decision());
        assertFalse(env.result().contains("secret"), env.result());
        AgentTools.Outcome list = call("list_folder", "{\"path\":\".\"}");
        assertTrue(list.result().contains("a.txt") && !list.result().contains(".env"), list.result());
        assertTrue(asked.isEmpty(), "nothing asked: " + asked);
        AgentTools.Outcome outside = call("read_file", "{\"path\":\"../outside\"}");
        assertEquals(Decision.ASK, outside.decision(), "a read outside the workspace asks");
        assertTrue(outside.result().startsWith("rejected by the user"), outside.result());
    }

    @Test
    void aCommandThePolicyAsksAboutRunsOnlyWhenAccepted() throws Exception {
        AgentTools.Outcome ls = call("run_command", "{\"command\":\"ls\"}");
        assertTrue(ls.ran() && ls.result().startsWith("exit code 0") && ls.result().contains("a.txt"), ls.result());
        answer = false;
        AgentTools.Outcome rejected = call("run_command", "{\"command\":\"ls && echo hi > made.txt\"}");
        assertFalse(rejected.ran());
        assertTrue(rejected.result().startsWith("rejected by the user"), rejected.result());
        assertFalse(Files.exists(workspace.resolve("made.txt")), "a rejected command does not run");
        assertTrue(asked.get(0).contains("redirect"), asked.get(0));
        answer = true;
        AgentTools.Outcome accepted = call("run_command", "{\"command\":\"ls && echo hi > made.txt\"}");
        assertTrue(accepted.ran(), accepted.result());
        assertEquals("hi\n", Files.readString(workspace.resolve("made.txt")));
        AgentTools.Outcome denied = call("run_command", "{\"command\":\"cat a.txt; sudo rm -rf /\"}");
        assertTrue(denied.decision() == Decision.DENY || denied.decision() == Decision.ASK, denied.toString());
    }

    @Test
    void anEditIsShownAsADiffAndAppliedOnlyWhenAccepted() throws Exception {
        answer = false;
        AgentTools.Outcome rejected = call("edit_file", "{\"path\":\"a.txt\",\"oldText\":\"beta\",\"newText\":\"gamma\"}");
        assertFalse(rejected.ran());
        assertEquals("alpha\nbeta\n", Files.readString(workspace.resolve("a.txt")));
        assertTrue(asked.get(0).contains("-beta") && asked.get(0).contains("+gamma"), asked.get(0));
        answer = true;
        AgentTools.Outcome accepted = call("edit_file", "{\"path\":\"a.txt\",\"oldText\":\"beta\",\"newText\":\"gamma\"}");
        assertTrue(accepted.ran(), accepted.result());
        assertEquals("alpha\ngamma\n", Files.readString(workspace.resolve("a.txt")));
        assertTrue(call("edit_file", "{\"path\":\"a.txt\"}").result().contains("'oldText'"), "a missing argument is named");
        assertTrue(call("nope", "{}").result().contains("there is no tool 'nope'"));
    }

    @Test
    void aCancelEndsARunningCommandAndItsChildren() throws Exception {
        long start = System.nanoTime();
        CommandRunner.Result r = new CommandRunner(Duration.ofSeconds(60)).run("sleep 30 & sleep 30", workspace,
                () -> System.nanoTime() - start > 300_000_000L);
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "ended long before the command would have");
        assertFalse(r.timedOut());
        assertTrue(r.exitCode() != 0, "killed: " + r.exitCode());
    }
}
