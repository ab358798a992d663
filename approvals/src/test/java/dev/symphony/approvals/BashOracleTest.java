package dev.symphony.approvals;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.symphony.approvals.ignore.AgentIgnore;
import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.approvals.policy.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real bash as the oracle of the parser: random compositions run under {@code /bin/bash} with a {@code PATH} of
 * recording stand-ins (each writes its argv to a log; nothing real runs but bash and the wrappers {@code env},
 * {@code timeout}, {@code nice}, {@code nohup}, {@code xargs}), and every command bash ran must be one the policy
 * judged, word for word. Seeded ({@code -Dsymphony.test.seed=N}).
 */
class BashOracleTest {
    private static final List<String> STUBS = List.of("ls", "cat", "git", "grep", "rg", "find", "wc", "head", "tail",
            "make", "rm", "sudo", "curl", "sed", "python3");
    private static final List<String> REAL = List.of("env", "timeout", "nice", "nohup", "xargs", "bash", "sh");
    private static final List<String> LEAVES = List.of("ls", "ls -la src", "cat README.md", "git status", "git log --oneline -3",
            "grep -rn TODO src", "rg -n 'a b' src", "find . -name '*.java'", "wc -l README.md", "head -n 3 README.md",
            "make test", "rm -rf build", "sudo ls", "curl http://x", "sed -i s/a/b/ x", "python3 -c 'print(1)'",
            "cat \"a\\\"b\" 'c d'", "l\\s x\\ y", "git diff -- \"src\"", "tail README.md 2>/dev/null", "echo src | xargs ls",
            "X=1 git status", "cat $(ls)", "git log \"$HOME\"", "ls > out.txt", "find . -name \"x y\" | wc -l");
    private static final String[] OPERATORS = {" && ", " || ", "; ", " | ", " & ", "\n"};

    @Test
    void everyCommandBashRunsIsOneThePolicyJudged(@TempDir Path dir) throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs /bin/bash");
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("README.md"), "x\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String stub : STUBS) {
            Path file = bin.resolve(stub);
            // builtins only: PATH holds nothing but these stand-ins and the wrappers
            Files.writeString(file, "#!/bin/sh\nprintf '%s' \"${0##*/}\" >> \"$LOG.$$\"\n"
                    + "for a in \"$@\"; do printf '\\037%s' \"$a\" >> \"$LOG.$$\"; done\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (String real : REAL) {
            for (String folder : List.of("/usr/bin/", "/bin/")) {
                if (Files.isExecutable(Path.of(folder + real)) && !Files.exists(bin.resolve(real))) {
                    Files.createSymbolicLink(bin.resolve(real), Path.of(folder + real));
                }
            }
        }
        ApprovalPolicy policy = new ApprovalPolicy(workspace, AgentIgnore.of(""), ApprovalPolicy.defaultRules(), List.of());
        long seed = PolicyPropertyTest.seed();
        Random random = new Random(seed);
        int ran = 0;
        for (int round = 0; round < 25; round++) {
            String command = compose(random, 0);
            Verdict verdict = policy.check(command);
            if (verdict.parseError() != null) {
                continue;
            }
            List<Verdict.PartVerdict> judged = verdict.parts();
            Path logs = Files.createDirectories(dir.resolve("log" + round));
            ProcessBuilder pb = new ProcessBuilder(bash.toString(), "--norc", "--noprofile", "-c", command + "\nwait")
                    .directory(workspace.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out" + round).toFile());
            pb.environment().clear();
            pb.environment().put("PATH", bin.toString());
            pb.environment().put("HOME", dir.toString());
            pb.environment().put("LOG", logs.resolve("argv").toString());
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("bash did not finish within 30 s: " + command);
            }
            try (var files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    List<String> argv = List.of(Files.readString(log, StandardCharsets.UTF_8).split("\037", -1));
                    ran++;
                    assertTrue(judged.stream().anyMatch(part -> sameCommand(part, argv)), "seed " + seed + ": bash ran " + argv + " for\n" + command
                            + "\nbut the policy judged " + judged);
                }
            }
        }
        System.out.println("bash oracle: " + ran + " commands run by bash, each one judged by the policy");
        assertTrue(ran > 25, "the compositions ran commands: " + ran);
    }

    /**
     * The argv bash ran is the part's words; where the part has an expansion, only the program must agree (the
     * part asks anyway); under xargs the words are a prefix (xargs appends what it reads), and so are a wrapper's.
     */
    private static boolean sameCommand(Verdict.PartVerdict part, List<String> argv) {
        List<String> words = part.words();
        if (words.equals(argv)) {
            return true;
        }
        boolean expands = words.stream().anyMatch(w -> w.contains("$") || w.contains("`"));
        // a wrapper stand-in (sudo here) records its own words followed by its command's
        boolean viaXargs = part.wrapper() || !part.via().isEmpty() && part.via().get(part.via().size() - 1).startsWith("xargs");
        return !words.isEmpty() && !argv.isEmpty() && words.get(0).equals(argv.get(0))
                && (expands || viaXargs && argv.size() >= words.size() && argv.subList(0, words.size()).equals(words));
    }

    private static String compose(Random random, int depth) {
        int pieces = 1 + random.nextInt(3);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (i > 0) {
                out.append(OPERATORS[random.nextInt(OPERATORS.length)]);
            }
            int kind = random.nextInt(depth >= 2 ? 3 : 8);
            String leaf = LEAVES.get(random.nextInt(LEAVES.size()));
            out.append(switch (kind) {
                case 0, 1, 2 -> leaf;
                case 3 -> "( " + compose(random, depth + 1) + " )";
                case 4 -> "{ " + compose(random, depth + 1) + "; }";
                case 5 -> "bash -c '" + compose(random, depth + 1).replace("'", "'\\''") + "'";
                case 6 -> List.of("timeout 5 ", "nice -n 5 ", "env ", "nohup ").get(random.nextInt(4)) + leaf;
                default -> "if " + leaf + "; then " + compose(random, depth + 1) + "; fi";
            });
        }
        return out.toString();
    }
}
