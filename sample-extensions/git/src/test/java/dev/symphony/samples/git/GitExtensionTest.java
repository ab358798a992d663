package dev.symphony.samples.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest and the capabilities through the SDK's harness (schemas checked both ways), the view's tree and its events. */
class GitExtensionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @BeforeAll
    static void needsGit() {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable makes the scratch repositories");
    }

    private ExtensionHarness harness(Path workspace) throws Exception {
        return new ExtensionHarness(Path.of("symphony-extension.json"), new GitExtension(), workspace);
    }

    @Test
    void theViewGroupsChangesAndItsButtonsStageUnstageAndCommit() throws Exception {
        ScratchRepo repo = new ScratchRepo(dir);
        repo.write("a.txt", "a\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "first");
        repo.write("a.txt", "a changed\n");
        repo.write("b.txt", "new\n");
        ExtensionHarness h = harness(dir);
        JsonNode view = render(h, null);
        for (long end = System.currentTimeMillis() + 20_000; find(view, "reading") != null && System.currentTimeMillis() < end; ) {
            Thread.sleep(50); // the first status is read on the extension's own thread; the view shows progress meanwhile
            view = render(h, null);
        }
        assertTrue(ids(view).containsAll(List.of("title|changes", "stage|changes|a.txt", "stage|untracked|b.txt", "diff|changes|a.txt")), ids(view).toString());
        assertEquals("main", find(view, "branch").at("/props/value").asText());

        view = render(h, event("stage|untracked|b.txt", "click", "stage", null));
        assertEquals(List.of(" M a.txt", "A  b.txt"), repo.porcelain());
        assertTrue(ids(view).contains("unstage|staged|b.txt"), ids(view).toString());
        render(h, event("unstage|staged|b.txt", "click", "unstage", null));
        assertEquals(List.of(" M a.txt", "?? b.txt"), repo.porcelain());
        render(h, event("stageAll|changes", "click", "stageAll", null));
        assertEquals(List.of("?? b.txt", "M  a.txt"), repo.porcelain());

        view = render(h, event("message", "change", "commit", JSON.getNodeFactory().textNode("Change a")));
        assertTrue(find(view, "notice").at("/props/text").asText().startsWith("Committed "), view.toString());
        assertEquals("Change a", repo.git("log", "-1", "--format=%s").trim());
        assertEquals(List.of("?? b.txt"), repo.porcelain());

        view = render(h, event("message", "change", "commit", JSON.getNodeFactory().textNode("Nothing")));
        assertEquals("nothing is staged: stage the changes to commit first", find(view, "notice").at("/props/text").asText());
        view = render(h, event("message", "change", "commit", JSON.getNodeFactory().textNode("  ")));
        assertTrue(find(view, "notice").at("/props/text").asText().contains("message is empty"));
    }

    @Test
    void switchingBranchesIsRefusedWhenItWouldOverwriteLocalChanges() throws Exception {
        ScratchRepo repo = new ScratchRepo(dir);
        repo.write("a.txt", "a\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "first");
        repo.git("branch", "topic");
        repo.git("checkout", "-q", "topic");
        repo.write("a.txt", "topic's a\n");
        repo.git("commit", "-q", "-am", "topic");
        repo.git("checkout", "-q", "main");
        repo.write("a.txt", "my unsaved work\n");
        ExtensionHarness h = harness(dir);
        ExtensionException e = org.junit.jupiter.api.Assertions.assertThrows(ExtensionException.class,
                () -> h.call("switch", JSON.readTree("{\"branch\":\"topic\"}")));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains("would overwrite local changes to [a.txt]"), e.getMessage());
        assertEquals("my unsaved work\n", Files.readString(dir.resolve("a.txt")));
        assertEquals("main", repo.git("branch", "--show-current").trim());
        ExtensionException none = org.junit.jupiter.api.Assertions.assertThrows(ExtensionException.class,
                () -> h.call("switch", JSON.readTree("{\"branch\":\"nope\"}")));
        assertTrue(none.getMessage().contains("no local branch 'nope'"), none.getMessage());
    }

    /** The History view: HEAD's log newest first; selecting a commit shows its files and patch; a root commit against nothing. */
    @Test
    void theHistoryViewListsCommitsAndShowsOneWhenSelected() throws Exception {
        ScratchRepo repo = new ScratchRepo(dir);
        ExtensionHarness h = harness(dir);
        assertTrue(ids(h.call("history", JSON.readTree("{\"state\":{}}"))).contains("empty"), "no commits yet");
        repo.write("a.txt", "a\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "first");
        repo.write("a.txt", "a\nb\n");
        repo.write("c.txt", "c\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "second");
        String second = repo.git("rev-parse", "HEAD").trim();
        String first = repo.git("rev-parse", "HEAD^").trim();
        JsonNode view = h.call("history", JSON.readTree("{\"state\":{}}"));
        assertEquals(List.of("commit|" + second, "commit|" + first), ids(find(view, "log")).subList(1, 3));
        assertEquals("● " + second.substring(0, 7) + "  second", find(view, "commit|" + second).at("/props/text").asText(),
                "its lane in the graph, short id and subject");
        assertTrue(find(view, "commit|" + second).at("/props/tooltip").asText().startsWith("Scratch <scratch@example.org>, "));
        assertEquals(null, find(view, "patch"), "nothing selected");

        view = h.call("history", JSON.createObjectNode().set("event", event("log", "select", "show", JSON.getNodeFactory().textNode("commit|" + second))));
        assertEquals(second, view.at("/props/state/selected").asText());
        assertEquals("M  a.txt\nA  c.txt", find(view, "files").at("/props/text").asText());
        assertTrue(find(view, "patch").at("/props/code").asText().contains("\n+b\n"), find(view, "patch").toString());
        view = h.call("history", JSON.createObjectNode().set("event", event("log", "select", "show", JSON.getNodeFactory().textNode("commit|" + first))));
        assertEquals("A  a.txt", find(view, "files").at("/props/text").asText(), "a root commit against the empty tree");
    }

    @Test
    void aFolderThatIsNotARepositoryIsSaidSo() throws Exception {
        Files.writeString(dir.resolve("x.txt"), "x");
        ExtensionHarness h = harness(dir);
        ExtensionException e = org.junit.jupiter.api.Assertions.assertThrows(ExtensionException.class, () -> h.call("status", JSON.readTree("{}")));
        assertTrue(e.getMessage().contains("is not in a Git repository"), e.getMessage());
        assertTrue(find(render(h, null), "notice").at("/props/text").asText().contains("is not in a Git repository"));
    }

    static JsonNode render(ExtensionHarness h, JsonNode event) throws Exception {
        return h.call("scm", event == null ? JSON.readTree("{\"state\":{}}") : JSON.createObjectNode().set("event", event));
    }

    static JsonNode event(String nodeId, String name, String action, JsonNode value) {
        var e = JSON.createObjectNode().put("nodeId", nodeId).put("event", name).put("action", action);
        e.set("value", value == null ? JSON.getNodeFactory().nullNode() : value);
        e.set("state", JSON.createObjectNode());
        return e;
    }

    static List<String> ids(JsonNode node) {
        List<String> out = new ArrayList<>();
        out.add(node.path("id").asText());
        node.path("children").forEach(c -> out.addAll(ids(c)));
        return out;
    }

    static JsonNode find(JsonNode node, String id) {
        if (id.equals(node.path("id").asText())) {
            return node;
        }
        for (JsonNode c : node.path("children")) {
            JsonNode f = find(c, id);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
