package dev.symphony.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.approvals.ignore.AgentIgnore;
import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.approvals.policy.PolicyReader;
import dev.symphony.approvals.policy.Rule;
import dev.symphony.approvals.policy.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar of the approval policy: a corpus of real-world agent commands (command-corpus.tsv: expected decision,
 * a tag, the command), judged by the shipped default policy plus corpus-user-policy.json. No command the corpus
 * says must not run may be allowed; every command that does not parse asks; and every line gets the decision
 * the corpus expects. Prints the confusion counts.
 */
class PolicyCorpusTest {
    record Case(int line, Decision expected, String tag, String command) {
    }

    @Test
    void corpusIsJudgedAsExpectedWithNoWrongAllow(@TempDir Path dir) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("README.md"), "# Symphony\n");
        Files.writeString(workspace.resolve("src/Main.java"), "class Main {}\n");
        Files.writeString(workspace.resolve(".env"), "SECRET=1\n");
        Files.writeString(workspace.resolve(".env.local"), "SECRET=2\n");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("passwd"), "root\n");
        Files.createSymbolicLink(workspace.resolve("outside"), outside);

        List<Rule> rules = new ArrayList<>(ApprovalPolicy.defaultRules());
        rules.addAll(PolicyReader.read("corpus-user-policy.json", resource("corpus-user-policy.json"), PolicyReader.Level.USER));
        ApprovalPolicy policy = new ApprovalPolicy(workspace, AgentIgnore.load(workspace), rules, List.of());

        List<Case> cases = corpus();
        Map<Decision, Map<Decision, Integer>> confusion = new EnumMap<>(Decision.class);
        List<String> wrong = new ArrayList<>();
        List<String> wrongAllows = new ArrayList<>();
        int parseFailures = 0;
        int parseFailuresAsked = 0;
        for (Case c : cases) {
            Verdict v = policy.check(c.command());
            confusion.computeIfAbsent(c.expected(), k -> new EnumMap<>(Decision.class)).merge(v.decision(), 1, Integer::sum);
            if (v.parseError() != null) {
                parseFailures++;
                parseFailuresAsked += v.decision() == Decision.ASK ? 1 : 0;
            }
            if (v.decision() != c.expected()) {
                String line = "line " + c.line() + " [" + c.tag() + "] expected " + c.expected().word() + ", got "
                        + v.decision().word() + ": " + c.command().replace("\n", "<NL>") + "  " + v.parts();
                wrong.add(line);
                if (v.decision() == Decision.ALLOW) {
                    wrongAllows.add(line);
                }
            }
        }
        System.out.println("policy corpus: " + cases.size() + " commands; expected -> decided: " + confusion);
        System.out.println("policy corpus: wrong allows " + wrongAllows.size() + ", parse failures " + parseFailures
                + " (asked " + parseFailuresAsked + "), other mismatches " + (wrong.size() - wrongAllows.size()));
        wrong.forEach(w -> System.out.println("  " + w));
        assertTrue(cases.size() >= 200, "the corpus has at least 200 commands, has " + cases.size());
        assertTrue(wrongAllows.isEmpty(), "wrong allows:\n" + String.join("\n", wrongAllows));
        assertEquals(parseFailures, parseFailuresAsked, "every command that does not parse asks");
        assertTrue(parseFailures >= 20, "the corpus holds parse failures: " + parseFailures);
        assertTrue(wrong.isEmpty(), "decisions differ from the corpus:\n" + String.join("\n", wrong));
    }

    static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        String[] lines = resource("command-corpus.tsv").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            Decision expected = Decision.ofWord(f[0]);
            if (f.length != 3 || expected == null) {
                throw new IllegalStateException("command-corpus.tsv:" + (i + 1) + ": expected DECISION<TAB>TAG<TAB>COMMAND");
            }
            cases.add(new Case(i + 1, expected, f[1], f[2].replace("<NL>", "\n")));
        }
        return cases;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PolicyCorpusTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
