package dev.symphony.approvals.policy;

import dev.symphony.approvals.Decision;
import dev.symphony.approvals.ignore.AgentIgnore;
import dev.symphony.approvals.policy.Verdict.PartVerdict;
import dev.symphony.approvals.shell.CommandPart;
import dev.symphony.approvals.shell.ShellParser;
import dev.symphony.approvals.shell.ShellScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy that governs agents, Melody approval nodes and commands extensions ask to run: the shipped default
 * rules, then the user's ({@code policy.json} in Symphony's config folder), then the workspace's
 * ({@code .symphony/policy.json}, ask and deny rules only). Among the rules that match, deny beats ask beats
 * allow, so no file can loosen what another file tightens. A part no rule matches asks.
 *
 * <p>A command is allowed only if every part is allowed, denied if any part is denied, and asks otherwise;
 * a command that does not parse asks. An allowed part still asks when it has a concern (an expansion, a write
 * to a file, …) or names a path outside the workspace or kept by the agentignore.
 */
public final class ApprovalPolicy {
    public static final String USER_FILE = "policy.json";
    public static final String WORKSPACE_FILE = ".symphony/policy.json";
    public static final String DEFAULT_RESOURCE = "/dev/symphony/approvals/default-policy.json";

    private final List<Rule> rules;
    private final List<String> sources;
    private final PathGuard guard;
    private final AgentIgnore ignore;
    private final Path workspace;

    public ApprovalPolicy(Path workspace, AgentIgnore ignore, List<Rule> rules, List<String> sources) {
        this.workspace = workspace.toAbsolutePath().normalize();
        this.rules = List.copyOf(rules);
        this.sources = List.copyOf(sources);
        this.ignore = ignore;
        this.guard = new PathGuard(this.workspace, ignore);
    }

    /** The default rules, the user's {@code configDir/policy.json} and the workspace's policy and agentignore. */
    public static ApprovalPolicy load(Path configDir, Path workspace) throws PolicyException {
        refuseOtherFormats(configDir);
        return loadWithUserFile(configDir.resolve(USER_FILE), workspace);
    }

    /** A policy written in another format would be silently ignored: say so instead. */
    private static void refuseOtherFormats(Path folder) throws PolicyException {
        for (String name : List.of("policy.yaml", "policy.yml", "policy.jsonc", "policy.json5")) {
            Path other = folder.resolve(name);
            if (Files.exists(other)) {
                throw new PolicyException(other + ": policy files are JSON (with comments) named policy.json; "
                        + "this file is not read — convert it and rename it to policy.json");
            }
        }
    }

    /** As {@link #load}, with {@code userFile} (when it exists) in place of the user's policy file. */
    public static ApprovalPolicy loadWithUserFile(Path userFile, Path workspace) throws PolicyException {
        List<Rule> rules = new ArrayList<>(defaultRules());
        List<String> sources = new ArrayList<>(List.of("default-policy.json"));
        if (Files.isRegularFile(userFile)) {
            rules.addAll(PolicyReader.read(userFile.toString(), readFile(userFile), PolicyReader.Level.USER));
            sources.add(userFile.toString());
        }
        refuseOtherFormats(workspace.resolve(".symphony"));
        Path workspaceFile = workspace.resolve(WORKSPACE_FILE);
        if (Files.isRegularFile(workspaceFile)) {
            rules.addAll(PolicyReader.read(workspaceFile.toString(), readFile(workspaceFile), PolicyReader.Level.WORKSPACE));
            sources.add(workspaceFile.toString());
        }
        try {
            return new ApprovalPolicy(workspace, AgentIgnore.load(workspace), rules, sources);
        } catch (IOException e) {
            throw new PolicyException(workspace.resolve(AgentIgnore.FILE) + ": cannot be read: " + e.getMessage());
        }
    }

    /** The rules shipped with Symphony (allow read-only inspection; everything else asks); read once. */
    public static List<Rule> defaultRules() {
        return Defaults.RULES;
    }

    /** Holder: the default policy is read (and its examples checked) on first use only. */
    private static final class Defaults {
        static final List<Rule> RULES = List.copyOf(readDefaultRules());
    }

    private static List<Rule> readDefaultRules() {
        try (InputStream in = ApprovalPolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default policy " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return PolicyReader.read("default-policy.json", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    PolicyReader.Level.DEFAULT);
        } catch (IOException | PolicyException e) {
            throw new IllegalStateException("the shipped default policy is broken: " + e.getMessage(), e);
        }
    }

    private static String readFile(Path file) throws PolicyException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public List<String> sources() {
        return sources;
    }

    public AgentIgnore agentIgnore() {
        return ignore;
    }

    /** The decision for a shell command an agent, a Melody or an extension wants to run in the workspace. */
    public Verdict check(String command) {
        ShellScript script = ShellParser.parse(command);
        if (!script.parsed()) {
            return new Verdict(Decision.ASK, command, List.of(), script.parseError());
        }
        List<PartVerdict> parts = new ArrayList<>();
        Decision overall = Decision.ALLOW;
        for (CommandPart part : script.parts()) {
            PartVerdict verdict = judge(part);
            parts.add(verdict);
            overall = overall.max(verdict.decision());
        }
        if (parts.isEmpty()) {
            overall = Decision.ASK;
        }
        return new Verdict(overall, command, parts, null);
    }

    private PartVerdict judge(CommandPart part) {
        Rule deny = null;
        Rule ask = null;
        Rule allow = null;
        for (Rule rule : rules) {
            if (rule.matches(part)) {
                switch (rule.decision()) {
                    case DENY -> deny = deny == null ? rule : deny;
                    case ASK -> ask = ask == null ? rule : ask;
                    case ALLOW -> allow = allow == null ? rule : allow;
                }
            }
        }
        List<String> reasons = new ArrayList<>(part.concerns());
        if (deny != null) {
            return verdict(part, Decision.DENY, deny.where(), List.of());
        }
        if (ask != null) {
            return verdict(part, Decision.ASK, ask.where(), reasons);
        }
        if (allow == null && !part.wrapper()) {
            reasons.add(part.words().isEmpty() ? "not a simple command" : "no rule allows " + part.program());
            return verdict(part, Decision.ASK, "no rule", reasons);
        }
        if (allow != null) {
            for (String arg : part.arguments()) {
                addIfSet(reasons, guard.concern(arg));
            }
        }
        for (String read : part.reads()) {
            addIfSet(reasons, guard.concern(read));
        }
        return verdict(part, reasons.isEmpty() ? Decision.ALLOW : Decision.ASK,
                allow != null ? allow.where() : "wrapper", reasons);
    }

    private static void addIfSet(List<String> reasons, String reason) {
        if (reason != null) {
            reasons.add(reason);
        }
    }

    private static PartVerdict verdict(CommandPart part, Decision decision, String rule, List<String> reasons) {
        return new PartVerdict(part.text(), part.words(), part.via(), part.wrapper(), decision, rule, reasons);
    }

    /**
     * The decision for a tool call ({@code read_file}, {@code list_folder}, {@code search}, {@code edit_file}, …) on
     * {@code path} (relative to the workspace, or absolute), or on no path when null. A file the agentignore keeps
     * is denied to every tool.
     */
    public Verdict checkTool(String tool, String path) {
        String subject = path == null ? tool : tool + " " + path;
        List<String> reasons = new ArrayList<>();
        String relative = null;
        if (path != null) {
            Path resolved = workspace.resolve(path).normalize();
            if (resolved.startsWith(workspace)) {
                relative = workspace.relativize(resolved).toString().replace('\\', '/');
                if (ignore.ignored(relative, Files.isDirectory(resolved))) {
                    return new Verdict(Decision.DENY, subject, List.of(new PartVerdict(subject, List.of(), List.of(),
                            false, Decision.DENY, AgentIgnore.FILE, List.of("the agentignore keeps " + relative + " from agents"))), null);
                }
            }
            addIfSet(reasons, guard.concern(path));
        }
        Decision decision = null;
        String where = "no rule";
        for (Decision wanted : List.of(Decision.DENY, Decision.ASK, Decision.ALLOW)) {
            for (Rule rule : rules) {
                if (decision == null && rule.decision() == wanted && rule.matchesTool(tool, relative)) {
                    decision = wanted;
                    where = rule.where();
                }
            }
        }
        if (decision == null) {
            decision = Decision.ASK;
            reasons.add("no rule allows the tool " + tool);
        } else if (decision == Decision.ALLOW && !reasons.isEmpty()) {
            decision = Decision.ASK;
        }
        return new Verdict(decision, subject, List.of(new PartVerdict(subject, List.of(), List.of(), false, decision,
                where, decision == Decision.DENY ? List.of() : reasons)), null);
    }
}
