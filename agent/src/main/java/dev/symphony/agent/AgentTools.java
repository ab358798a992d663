package dev.symphony.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.approvals.Decision;
import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.approvals.policy.Verdict;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolSpec;
import dev.symphony.editor.buffer.StaleEditException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The agent's tools over one workspace, each call judged by the policy first: {@code allow} runs it, {@code ask}
 * waits for the person's answer at the {@link ApprovalGate} (a rejection changes nothing), {@code deny} refuses.
 * Results are text for the model; every outcome also says what happened for the chat.
 */
public final class AgentTools {
    /** One tool call's outcome: a line for the chat, the text shown under it, the policy's decision, the model's result. */
    public record Outcome(String title, String shown, Decision decision, boolean ran, String result, int checkpoint) {
        public Outcome(String title, String shown, Decision decision, boolean ran, String result) {
            this(title, shown, decision, ran, result, 0);
        }

        /** This outcome, restorable to before it from the checkpoint {@code id} (0: none). */
        Outcome at(java.util.OptionalInt id) {
            return new Outcome(title, shown, decision, ran, result, id.orElse(0));
        }
    }

    static final int MAX_READ_CHARS = 100_000;
    static final int MAX_LIST = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path workspace;
    private final ApprovalPolicy policy;
    private final ApprovalGate gate;
    private final WorkspaceEdits edits;
    private final CommandRunner commands;
    private final WorkspaceGrep grep;
    private final StepRecorder steps;
    private final McpAgentTools mcp;
    private volatile java.util.Set<String> offered;
    private volatile WorkspaceDiagnostics diagnostics;
    static final int MAX_PROBLEMS = 200;
    static final ToolSpec DIAGNOSTICS = spec("diagnostics", "The problems (errors, warnings) the editor knows of in one file of the"
            + " workspace, or in all of them when no path is given; answers file:line:column: message.",
            "{\"path\":{\"type\":\"string\",\"description\":\"relative to the workspace; omit for every file\"}}");

    public AgentTools(Path workspace, ApprovalPolicy policy, ApprovalGate gate, WorkspaceEdits edits, CommandRunner commands) {
        this(workspace, policy, gate, edits, commands, StepRecorder.NONE);
    }

    /** @param steps where the steps that may write are recorded as checkpoints, before they run */
    public AgentTools(Path workspace, ApprovalPolicy policy, ApprovalGate gate, WorkspaceEdits edits, CommandRunner commands,
                      StepRecorder steps) {
        this(workspace, policy, gate, edits, commands, steps, null);
    }

    /** @param mcp the user's MCP tools (judged by the hub's policy, asked about here), or null for none */
    public AgentTools(Path workspace, ApprovalPolicy policy, ApprovalGate gate, WorkspaceEdits edits, CommandRunner commands,
                      StepRecorder steps, dev.symphony.mcp.McpTools mcp) {
        this.mcp = mcp == null ? null : new McpAgentTools(mcp, gate, steps);
        this.steps = steps;
        this.workspace = workspace.toAbsolutePath().normalize();
        this.policy = policy;
        this.gate = gate;
        this.edits = edits;
        this.commands = commands;
        this.grep = new WorkspaceGrep(this.workspace, policy.agentIgnore());
    }

    /** The built-in tools and the user's MCP tools, as the model is told about them (starts MCP servers: the agent's thread). */
    public List<ToolSpec> toolSpecs() {
        List<ToolSpec> all = new java.util.ArrayList<>(specs());
        if (diagnostics != null) {
            all.add(DIAGNOSTICS);
        }
        if (mcp != null) {
            all.addAll(mcp.specs());
        }
        java.util.Set<String> only = offered;
        return only == null ? all : all.stream().filter(t -> only.contains(t.name())).toList();
    }

    /**
     * Offers only the tools named {@code names} from now on (a phase that plans or reviews reads, and does not edit): the
     * others are neither sent to the model nor run when it calls them anyway. Unknown names are an
     * {@link IllegalArgumentException} listing the tools.
     */
    public AgentTools offering(java.util.Collection<String> names) {
        List<String> known = specs().stream().map(ToolSpec::name).toList();
        for (String n : names) {
            if (!known.contains(n) && !(mcp != null && McpAgentTools.isMcp(n)) && !(diagnostics != null && n.equals(DIAGNOSTICS.name()))) {
                throw new IllegalArgumentException("there is no tool '" + n + "'; tools: " + known);
            }
        }
        offered = java.util.Set.copyOf(names);
        return this;
    }

    /**
     * Offers the {@code diagnostics} tool from now on, reading {@code problems} (the workbench's Problems panel); judged
     * by the policy as a read of the file it names ({@code diagnostics PATH}), or of the workspace.
     */
    public AgentTools withDiagnostics(WorkspaceDiagnostics problems) {
        this.diagnostics = problems;
        return this;
    }

    /** The built-in tools as the model is told about them. */
    public static List<ToolSpec> specs() {
        return List.of(
                spec("read_file", "Read a text file of the workspace.", "{\"path\":{\"type\":\"string\",\"description\":\"relative to the workspace\"}}", "path"),
                spec("list_folder", "List a folder of the workspace (\".\" is its root).", "{\"path\":{\"type\":\"string\"}}", "path"),
                spec("search", "Search the workspace's files for a literal text; answers file:line: text.", "{\"query\":{\"type\":\"string\"}}", "query"),
                spec("edit_file", "Replace the one occurrence of oldText in a file with newText (the person reviews the change).",
                        "{\"path\":{\"type\":\"string\"},\"oldText\":{\"type\":\"string\"},\"newText\":{\"type\":\"string\"}}", "path", "oldText", "newText"),
                spec("run_command", "Run a shell command line in the workspace folder (bash); answers its exit code and output.",
                        "{\"command\":{\"type\":\"string\"}}", "command"));
    }

    private static ToolSpec spec(String name, String description, String properties, String... required) {
        try {
            JsonNode schema = JSON.readTree("{\"type\":\"object\",\"properties\":" + properties + ",\"required\":"
                    + JSON.writeValueAsString(required) + "}");
            return new ToolSpec(name, description, schema);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one call (blocking: the agent's thread). */
    public Outcome run(ToolCall call, BooleanSupplier cancelled) {
        JsonNode args = call.arguments() == null ? JSON.createObjectNode() : call.arguments();
        java.util.Set<String> only = offered;
        if (only != null && !only.contains(String.valueOf(call.name()))) {
            return failed("Not offered: " + call.name(), "the tool '" + call.name() + "' is not offered here; tools: " + List.copyOf(new java.util.TreeSet<>(only)));
        }
        try {
            return switch (String.valueOf(call.name())) {
                case "read_file" -> read(text(args, "path"));
                case "list_folder" -> list(args.path("path").asText("."));
                case "search" -> search(text(args, "query"), cancelled);
                case "edit_file" -> edit(text(args, "path"), text(args, "oldText"), text(args, "newText"));
                case "run_command" -> command(text(args, "command"), cancelled);
                case "diagnostics" -> diagnostics != null ? diagnostics(args.hasNonNull("path") ? text(args, "path") : null)
                        : failed("Unknown tool diagnostics", "there is no tool 'diagnostics' here; tools: " + toolSpecs().stream().map(ToolSpec::name).toList());
                default -> mcp != null && McpAgentTools.isMcp(call.name()) ? mcp.run(call.name(), args) : failed("Unknown tool " + call.name(), "there is no tool '" + call.name() + "'; tools: "
                        + (mcp == null ? specs() : toolSpecs()).stream().map(ToolSpec::name).toList());
            };
        } catch (IllegalArgumentException | IOException e) {
            return failed(call.name() + " failed", call.name() + " failed: " + e.getMessage());
        }
    }

    private static String text(JsonNode args, String name) {
        JsonNode v = args.get(name);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("the argument '" + name + "' (a string) is missing");
        }
        return v.asText();
    }

    private Outcome failed(String title, String result) {
        return new Outcome(title, result, null, false, result);
    }

    /** A path the policy has judged: one outside the workspace is asked about there, not refused here. */
    private Path resolve(String path) {
        return workspace.resolve(path).normalize();
    }

    private Outcome read(String path) throws IOException {
        Verdict v = policy.checkTool("read_file", path);
        Outcome refused = refusedOrRejected(v, "Read " + path, "read " + path);
        if (refused != null) {
            return refused;
        }
        String text = edits.read(resolve(path));
        String result = text.length() > MAX_READ_CHARS ? text.substring(0, MAX_READ_CHARS) + "\n[… cut at " + MAX_READ_CHARS + " characters]" : text;
        return new Outcome("Read " + path, text.lines().count() + " lines", v.decision(), true, result);
    }

    /** The problems of {@code path} (null: of every file of the workspace the agentignore does not keep), at most {@link #MAX_PROBLEMS}. */
    private Outcome diagnostics(String path) throws IOException {
        String what = path == null ? "the workspace" : path;
        Verdict v = policy.checkTool("diagnostics", path);
        Outcome refused = refusedOrRejected(v, "Problems of " + what, "read the problems of " + what);
        if (refused != null) {
            return refused;
        }
        List<WorkspaceDiagnostics.Problem> all;
        try {
            all = diagnostics.problems();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the problems", e);
        } catch (Exception e) {
            throw new IOException("the problems cannot be read: " + e.getMessage(), e);
        }
        WorkspaceDiagnostics.Listing found = WorkspaceDiagnostics.list(all, workspace, path == null ? null : resolve(path),
                rel -> policy.agentIgnore().ignored(rel, false), MAX_PROBLEMS);
        int n = found.count();
        return new Outcome("Problems of " + what, n + (n == 1 ? " problem" : " problems"), v.decision(), true,
                n == 0 ? "no problems known in " + what : found.text());
    }

    private Outcome list(String path) throws IOException {
        Verdict v = policy.checkTool("list_folder", path);
        Outcome refused = refusedOrRejected(v, "List " + path, "list " + path);
        if (refused != null) {
            return refused;
        }
        Path dir = resolve(path);
        StringBuilder b = new StringBuilder();
        try (Stream<Path> children = Files.list(dir)) {
            children.sorted().limit(MAX_LIST).forEach(c -> {
                String rel = workspace.relativize(c).toString().replace('\\', '/');
                if (!policy.agentIgnore().ignored(rel, Files.isDirectory(c))) {
                    b.append(c.getFileName()).append(Files.isDirectory(c) ? "/" : "").append('\n');
                }
            });
        }
        return new Outcome("Listed " + path, b.toString(), v.decision(), true, b.toString());
    }

    private Outcome search(String query, BooleanSupplier cancelled) throws IOException {
        Verdict v = policy.checkTool("search", null);
        Outcome refused = refusedOrRejected(v, "Search for \"" + query + "\"", "search");
        if (refused != null) {
            return refused;
        }
        String found = grep.find(query, cancelled);
        return new Outcome("Searched for \"" + query + "\"", found, v.decision(), true, found.isEmpty() ? "no matches" : found);
    }

    private Outcome edit(String path, String oldText, String newText) throws IOException {
        Path file = resolve(path);
        Verdict v = policy.checkTool("edit_file", path);
        if (v.decision() == Decision.DENY) {
            return new Outcome("Edit " + path + ": denied by the policy", why(v), v.decision(), false, "denied by the policy: " + why(v));
        }
        ProposedEdit proposal = edits.propose(file, oldText, newText);
        String diff = UnifiedDiff.of(path, proposal.before(), proposal.after());
        List<EditHunks.Hunk> hunks = EditHunks.of(proposal.before(), proposal.after());
        String partly = "";
        if (v.decision() == Decision.ASK && !edits.stages() && hunks.isEmpty() && !approved("Edit " + path, diff, v)) {
            return new Outcome("Edit " + path + ": rejected", diff, v.decision(), false, gate.rejection() + ": " + path + " was not changed");
        } else if (v.decision() == Decision.ASK && !edits.stages() && !hunks.isEmpty()) {
            List<Boolean> keep = approvedEdit("Edit " + path, proposal, diff, hunks, v);
            int kept = (int) keep.stream().filter(k -> k).count();
            if (kept == 0) {
                return new Outcome("Edit " + path + ": rejected", diff, v.decision(), false, gate.rejection() + ": " + path + " was not changed");
            }
            if (kept < hunks.size()) {
                proposal = EditHunks.keep(proposal, keep);
                StringBuilder rejected = new StringBuilder();
                for (int i = 0; i < hunks.size(); i++) {
                    if (!keep.get(i)) {
                        rejected.append('\n').append(hunks.get(i).text());
                    }
                }
                partly = " (" + kept + " of " + hunks.size() + " changes; the user rejected these:" + rejected + "\n)";
                diff = UnifiedDiff.of(path, proposal.before(), proposal.after());
            }
        }
        StepRecorder.Step step = steps.begin("Edit " + path, List.of(file));
        try {
            edits.apply(proposal);
        } catch (IOException e) {
            step.end(); // a buffer edited but not saved: what reached the disk is recorded
            throw e;
        } catch (StaleEditException e) {
            step.end();
            return new Outcome("Edit " + path + ": not applied", e.getMessage(), v.decision(), false,
                    "not applied: the text changed while the edit waited (" + e.getMessage() + "); read the file again");
        }
        return new Outcome("Edited " + path + (partly.isEmpty() ? "" : ", " + partly.substring(2, partly.indexOf(';'))), diff, v.decision(), true,
                edits.applied(path) + partly).at(step.end());
    }

    private Outcome command(String command, BooleanSupplier cancelled) throws IOException {
        Verdict v = policy.check(command);
        Outcome refused = refusedOrRejected(v, "Run " + command, "run: " + command);
        if (refused != null) {
            return refused;
        }
        OverlayShell overlay = commands.overlay();
        Optional<String> noOverlay = overlay == null ? Optional.empty() : overlay.unavailable(workspace);
        if (overlay != null && noOverlay.isEmpty()) {
            return commandInOverlay(overlay, command, v, cancelled);
        }
        if (commands.overlayRequired()) {
            String why = "not run: commands here run only in a copy-on-write overlay, and there is none ("
                    + noOverlay.orElse("no overlay configured") + ")";
            return new Outcome("Run " + command + ": not run", why, v.decision(), false, why);
        }
        StepRecorder.Step step = steps.begin("Run " + command, null);
        CommandRunner.Result r;
        try {
            r = commands.run(command, workspace, cancelled);
        } catch (IOException e) {
            step.end(); // what it did before failing is recorded
            throw e;
        }
        java.util.OptionalInt checkpoint = step.end();
        String result = exit(r) + r.output() + noOverlay.map(why -> "\n[not in an overlay: " + why
                + "; the workspace's files were copied before it ran]").orElse("") + unconfinedNote(commands.unconfined());
        return new Outcome("Ran " + command, result, v.decision(), true, result).at(checkpoint);
    }

    /**
     * The command runs in the overlay; what it changed is applied to the workspace when the person accepted the command
     * before it ran, or accepts the changes now (a command the policy allowed without asking should not write); the
     * checkpoint holds exactly the files the changes touch. A rejected, stopped or failed-to-apply step changes nothing.
     */
    private Outcome commandInOverlay(OverlayShell overlay, String command, Verdict v, BooleanSupplier cancelled) throws IOException {
        try (OverlayRun run = overlay.run(command, workspace, commands, cancelled, edits.staged())) {
            CommandRunner.Result r = run.result();
            String result = exit(r) + r.output() + unconfinedNote(overlay.unconfined(workspace, commands));
            if (run.changes().isEmpty() || v.decision() == Decision.ALLOW && run.changes().keySet().stream().allMatch(
                    p -> p.equals(".git") || p.equals(".git/index"))) { // git status refreshing its stat cache: dropped
                return new Outcome("Ran " + command, result, v.decision(), true, result + "\n[ran in an overlay: no file changed]");
            }
            if (cancelled.getAsBoolean()) {
                return new Outcome("Ran " + command + ": stopped", result, v.decision(), true,
                        result + "\n[stopped: what it changed in its overlay was dropped]\n" + run.describe());
            }
            if (v.decision() != Decision.ASK && !approved("Apply what " + command + " changed",
                    "ran in an overlay; the workspace is unchanged until you accept:\n" + run.describe(), v)) {
                return new Outcome("Ran " + command + ": changes rejected", result + "\n" + run.describe(), v.decision(), true,
                        result + "\n[" + gate.rejection() + ": what it changed was not applied; the workspace is unchanged]\n" + run.describe());
            }
            StepRecorder.Step step = steps.begin("Run " + command,
                    run.files().stream().map(workspace::resolve).toList());
            try {
                run.apply();
            } finally {
                result += "\n[ran in an overlay; applied:]\n" + run.describe();
            }
            return new Outcome("Ran " + command, result, v.decision(), true, result).at(step.end());
        }
    }

    /** What the person and the model are told when a command ran without bubblewrap's confinement. */
    static String unconfinedNote(Optional<String> why) {
        return why.map(w -> "\n[not confined by bubblewrap: " + w + "; it could reach the network and write outside the workspace]")
                .orElse("");
    }

    private static String exit(CommandRunner.Result r) {
        return "exit code " + r.exitCode() + (r.timedOut() ? " (timed out)" : "") + "\n";
    }

    /** Null to go ahead; otherwise the outcome of a denied or rejected call. */
    private Outcome refusedOrRejected(Verdict v, String title, String what) {
        if (v.decision() == Decision.DENY) {
            return new Outcome(title + ": denied by the policy", why(v), v.decision(), false, "denied by the policy: " + why(v));
        }
        if (v.decision() == Decision.ASK && !approved(title, why(v), v)) {
            return new Outcome(title + ": rejected", why(v), v.decision(), false, gate.rejection() + ": did not " + what);
        }
        return null;
    }

    private boolean approved(String title, String detail, Verdict v) {
        return approved(gate, title, detail, v);
    }

    /** The person's answer at {@code gate}; no answer (interrupted, failed, cancelled) is a rejection. */
    static boolean approved(ApprovalGate gate, String title, String detail, Verdict v) {
        try {
            return gate.ask(title, detail, v).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | CancellationException e) {
            return false;
        }
    }

    private List<Boolean> approvedEdit(String title, ProposedEdit edit, String diff, List<EditHunks.Hunk> hunks, Verdict v) {
        try {
            return gate.askEdit(title, edit, diff, hunks, v).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // no answer is a rejection
        }
        return java.util.Collections.nCopies(hunks.size(), false);
    }

    /** The parts and the rules that decided them, one per line. */
    static String why(Verdict v) {
        StringBuilder b = new StringBuilder();
        if (v.parseError() != null) {
            b.append("does not parse: ").append(v.parseError()).append('\n');
        }
        for (Verdict.PartVerdict p : v.parts()) {
            b.append(p.decision().name().toLowerCase()).append("  ").append(p.text()).append("  (").append(p.rule());
            if (!p.reasons().isEmpty()) {
                b.append("; ").append(String.join("; ", p.reasons()));
            }
            b.append(")\n");
        }
        if (v.parts().isEmpty()) {
            b.append(v.decision().name().toLowerCase()).append("  ").append(v.subject()).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
