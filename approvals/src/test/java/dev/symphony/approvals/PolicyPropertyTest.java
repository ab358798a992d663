package dev.symphony.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.symphony.approvals.ignore.AgentIgnore;
import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.approvals.policy.PolicyReader;
import dev.symphony.approvals.policy.Rule;
import dev.symphony.approvals.policy.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random compositions of allowed, asking and denied commands with every operator, grouping and wrapper
 * the policy follows: the whole is denied if any piece is, asks if any piece asks, and is allowed only if every
 * piece is. The seed is printed; {@code -Dsymphony.test.seed=N} reruns one.
 */
class PolicyPropertyTest {
    private static final List<String> ALLOWED = List.of("ls", "ls -la src", "cat README.md", "git status", "git log --oneline -3",
            "grep -rn TODO src", "rg -n Main", "find . -name '*.java'", "wc -l README.md", "echo hello", "git branch -a",
            "head -n 3 README.md", "tail README.md", "git diff --stat", "pwd");
    private static final List<String> ASKING = List.of("make", "npm test", "echo $HOME", "ls > out.txt", "cat /etc/passwd",
            "find . -delete", "git commit -m x", "sed -i s/a/b/ x", "X=1", "cat .env", "ls | xargs cat", "python3 x.py",
            "git branch -D x", "echo $(date)");
    private static final List<String> DENIED = List.of("rm -rf build", "sudo ls", "curl http://x", "git push --force",
            "rm -fr /", "git reset --hard");
    private static final String[] OPERATORS = {" && ", " || ", "; ", " | ", " & ", "\n"};

    private static ApprovalPolicy policy;

    @BeforeAll
    static void policy(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("README.md"), "x\n");
        Files.writeString(dir.resolve(".env"), "S=1\n");
        List<Rule> rules = new ArrayList<>(ApprovalPolicy.defaultRules());
        rules.addAll(PolicyReader.read("corpus-user-policy.json", PolicyCorpusTest.resource("corpus-user-policy.json"),
                PolicyReader.Level.USER));
        policy = new ApprovalPolicy(dir, AgentIgnore.load(dir), rules, List.of());
    }

    static long seed() {
        String value = System.getProperty("symphony.test.seed", System.getenv("SYMPHONY_TEST_SEED"));
        long seed = value != null ? Long.parseLong(value) : System.nanoTime();
        System.out.println("seed = " + seed + " (rerun with -Dsymphony.test.seed=" + seed + ")");
        return seed;
    }

    @Test
    void aCompositionIsAsStrictAsItsStrictestPiece() {
        long seed = seed();
        Random random = new Random(seed);
        for (int round = 0; round < 250; round++) {
            Decision[] expected = {Decision.ALLOW};
            String command = compose(random, 0, expected);
            Verdict verdict = policy.check(command);
            assertEquals(expected[0], verdict.decision(), "seed " + seed + " round " + round + ": " + command
                    + "\n" + verdict.parts() + " " + verdict.parseError());
        }
    }

    @Test
    void aCutOffCompositionNeverRunsWithoutAsking() {
        long seed = seed();
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            Decision[] expected = {Decision.ALLOW};
            String command = compose(random, 0, expected);
            if (expected[0] == Decision.ALLOW) {
                continue;
            }
            // keep whole pieces of a denied or asking command only up to a random cut: the cut may break a quote or
            // leave an operator dangling, but never turns what is left into an allowed command that hides the rest
            String cut = command.substring(0, 1 + random.nextInt(command.length()));
            Verdict verdict = policy.check(cut);
            if (verdict.parseError() != null) {
                assertEquals(Decision.ASK, verdict.decision(), "seed " + seed + ": a parse failure asks: " + cut);
            }
            Verdict whole = policy.check(command);
            assertNotEquals(Decision.ALLOW, whole.decision(), "seed " + seed + ": " + command);
        }
    }

    /** A random command; {@code strictest[0]} becomes the strictest decision among its pieces. */
    private static String compose(Random random, int depth, Decision[] strictest) {
        int pieces = 1 + random.nextInt(3);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (i > 0) {
                out.append(OPERATORS[random.nextInt(OPERATORS.length)]);
            }
            out.append(piece(random, depth, strictest));
        }
        return out.toString();
    }

    private static String piece(Random random, int depth, Decision[] strictest) {
        int kind = random.nextInt(depth >= 2 ? 3 : 9);
        return switch (kind) {
            case 0, 1, 2 -> leaf(random, strictest);
            case 3 -> "( " + compose(random, depth + 1, strictest) + " )"; // "((" would open arithmetic
            case 4 -> "{ " + compose(random, depth + 1, strictest) + "; }";
            case 5 -> "bash -c " + singleQuoted(compose(random, depth + 1, strictest));
            case 6 -> "sh -c " + singleQuoted(compose(random, depth + 1, strictest));
            case 7 -> List.of("timeout 5 ", "nice -n 5 ", "env ", "nohup ", "time ").get(random.nextInt(5)) + leaf(random, strictest);
            default -> "if " + leaf(random, strictest) + "; then " + compose(random, depth + 1, strictest) + "; fi";
        };
    }

    private static String leaf(Random random, Decision[] strictest) {
        int pool = random.nextInt(10);
        if (pool < 6) {
            return ALLOWED.get(random.nextInt(ALLOWED.size()));
        }
        if (pool < 9) {
            strictest[0] = strictest[0].max(Decision.ASK);
            return ASKING.get(random.nextInt(ASKING.size()));
        }
        strictest[0] = Decision.DENY;
        return DENIED.get(random.nextInt(DENIED.size()));
    }

    private static String singleQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
