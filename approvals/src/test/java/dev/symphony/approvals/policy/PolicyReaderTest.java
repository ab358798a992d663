package dev.symphony.approvals.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.approvals.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyReaderTest {
    private static final String HEADER = "{\n  \"rules\": [\n";

    private static String rule(String body) {
        return HEADER + "    " + body + "\n  ]\n}\n";
    }

    @Test
    void aRuleThatContradictsItsOwnExamplesIsRejectedNamingFileAndLine() {
        String text = HEADER
                + "    {\"id\": \"ok\", \"decision\": \"ask\", \"command\": \"make\", \"examples\": {\"match\": [\"make\"], \"noMatch\": [\"cmake\"]}},\n"
                + "    // a comment line\n"
                + "    {\"id\": \"rm-any\", \"decision\": \"deny\", \"command\": \"rm\", \"anyArg\": [\"-r*\"],\n"
                + "     \"examples\": {\"match\": [\"rm -fr x\"], \"noMatch\": [\"rm x\"]}}\n"
                + "  ]\n}\n";
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyReader.read("user/policy.json", text, PolicyReader.Level.USER));
        assertTrue(e.getMessage().startsWith("user/policy.json:5 rm-any: contradicts its own example: \"rm -fr x\" must match"),
                e.getMessage());
    }

    @Test
    void aNoMatchExampleThatMatchesIsRejected() {
        String text = rule("{\"id\": \"git\", \"decision\": \"allow\", \"command\": \"git\", \"subcommands\": [\"log\"],"
                + " \"examples\": {\"match\": [\"git log\"], \"noMatch\": [\"git log --output=x\"]}}");
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyReader.read("p.json", text, PolicyReader.Level.USER));
        assertTrue(e.getMessage().contains("p.json:3 git: contradicts its own example: \"git log --output=x\" must not match"), e.getMessage());
    }

    @Test
    void aWorkspacePolicyCannotAllow() {
        String text = rule("{\"id\": \"loosen\", \"decision\": \"allow\", \"command\": \"make\", \"examples\": {\"match\": [\"make\"], \"noMatch\": [\"ls\"]}}");
        PolicyException e = assertThrows(PolicyException.class,
                () -> PolicyReader.read("ws/.symphony/policy.json", text, PolicyReader.Level.WORKSPACE));
        assertTrue(e.getMessage().contains("ws/.symphony/policy.json:3 rule \"loosen\": a workspace policy may only add"), e.getMessage());
        assertEquals(1, assertDoesNotThrowRead(text.replace("\"allow\"", "\"ask\"")).size());
    }

    private static List<Rule> assertDoesNotThrowRead(String text) {
        try {
            return PolicyReader.read("ws.json", text, PolicyReader.Level.WORKSPACE);
        } catch (PolicyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void mistakesAreNamedWithTheirLine() {
        assertMessage(rule("{\"id\": \"x\", \"decision\": \"maybe\", \"command\": \"ls\"}"), "p.json:3 rule \"x\": \"decision\" must be");
        assertMessage(rule("{\"id\": \"x\", \"decision\": \"ask\", \"command\": \"ls\", \"argz\": []}"), "p.json:3 rule \"x\": unknown field \"argz\"");
        assertMessage(rule("{\"id\": \"x\", \"decision\": \"ask\", \"command\": \"ls\"}"), "p.json:3 x: the rule needs \"examples\"");
        assertMessage(rule("{\"id\": \"x\", \"decision\": \"ask\", \"command\": \"ls\", \"tool\": \"read_file\"}"), "not both or neither");
        assertMessage(rule("{\"id\": \"x\", \"decision\": \"ask\", \"command\": \"ls\", \"examples\": {\"match\": [\"ls 'open\"], \"noMatch\": [\"x\"]}}"),
                "is not a command");
        assertMessage(HEADER + "    {\"id\": \"x\",, }\n  ]\n}", "p.json:3:");
        assertMessage("{\"rulez\": []}", "p.json:1: unknown field \"rulez\"");
    }

    private static void assertMessage(String text, String expected) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyReader.read("p.json", text, PolicyReader.Level.USER));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theWorkspaceTightensTheUsersPolicyAndCannotLoosenIt(@TempDir Path dir) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(config.resolve(ApprovalPolicy.USER_FILE), rule("{\"id\": \"tests\", \"decision\": \"allow\", \"command\": \"make\","
                + " \"subcommands\": [\"test\", \"lint\"], \"examples\": {\"match\": [\"make test\"], \"noMatch\": [\"make install\"]}}"));
        assertEquals(Decision.ALLOW, ApprovalPolicy.load(config, workspace).check("make test && make lint").decision());

        Files.createDirectories(workspace.resolve(".symphony"));
        Files.writeString(workspace.resolve(ApprovalPolicy.WORKSPACE_FILE), rule("{\"id\": \"no-lint\", \"decision\": \"deny\","
                + " \"command\": \"make\", \"subcommands\": [\"lint\"], \"examples\": {\"match\": [\"make lint\"], \"noMatch\": [\"make test\"]}}"));
        ApprovalPolicy policy = ApprovalPolicy.load(config, workspace);
        Verdict verdict = policy.check("make test && make lint");
        assertEquals(Decision.DENY, verdict.decision());
        assertTrue(verdict.parts().get(1).rule().endsWith(".symphony/policy.json:3 no-lint"), verdict.parts().get(1).rule());
        assertEquals(Decision.ALLOW, policy.check("make test").decision());
        assertEquals(3, policy.sources().size());
    }

    @Test
    void aPolicyInAnotherFormatIsAnErrorNotIgnored(@TempDir Path dir) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws/.symphony")).getParent();
        Files.writeString(workspace.resolve(".symphony/policy.yaml"), "rules: []\n");
        PolicyException e = assertThrows(PolicyException.class, () -> ApprovalPolicy.load(dir.resolve("config"), workspace));
        assertTrue(e.getMessage().contains("policy.yaml: policy files are JSON"), e.getMessage());
    }

    @Test
    void theShippedDefaultAllowsInspectionAndAsksForTheRest(@TempDir Path workspace) {
        ApprovalPolicy policy = new ApprovalPolicy(workspace, dev.symphony.approvals.ignore.AgentIgnore.of(""),
                ApprovalPolicy.defaultRules(), List.of());
        assertEquals(Decision.ALLOW, policy.check("git status && git log -3 | head").decision());
        assertEquals(Decision.ASK, policy.check("git commit -m x").decision());
        assertEquals(Decision.ALLOW, policy.checkTool("read_file", "src/Main.java").decision());
        assertEquals(Decision.ASK, policy.checkTool("read_file", "/etc/passwd").decision());
        assertEquals(Decision.ASK, policy.checkTool("edit_file", "src/Main.java").decision());
        assertEquals(Decision.DENY, policy.checkTool("read_file", "config/.env").decision());
    }
}
