package dev.symphony.agent.melody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.agent.AgentTools;
import dev.symphony.agent.CommandRunner;
import dev.symphony.agent.OverlayShell;
import dev.symphony.agent.StepRecorder;
import dev.symphony.agent.checkpoint.CheckpointKeys;
import dev.symphony.agent.checkpoint.CheckpointSession;
import dev.symphony.agent.checkpoint.Checkpoints;
import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.approvals.policy.PolicyException;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.run.Capabilities;
import dev.symphony.contract.Reply;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.contract.schema.LazySchema;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent as Operators for Melodies, beside the run's other capabilities: extension {@value #EXTENSION}, kind
 * operator. {@code phase} runs the chat's agent loop for one phase (plan, implement, test, review) with the chat's tools;
 * {@code read_file}, {@code list_folder}, {@code search}, {@code edit_file}, {@code run_command} are those tools as nodes;
 * {@code apply} writes an approved stage as a checkpoint and {@code restore} goes back to before one. Every tool call is
 * judged by the approval policy (the user's and the workspace's, read for each call); what the policy asks about cannot
 * be asked in the middle of a node, so it is not done ({@link HeadlessGate}) — except edits, which are only staged:
 * nothing but {@code apply}, after an approval node, writes the workspace. Commands run only in the copy-on-write
 * overlay, seeing the stage over the workspace; what they change is dropped.
 */
public final class AgentOperators implements Capabilities, AutoCloseable {
    public static final String EXTENSION = "symphony.agent";
    static final Duration COMMAND_LIMIT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXIT = Pattern.compile("\\Aexit code (-?\\d+)");
    private static final Map<String, CapabilitySpec> SPECS = specs();
    private static final Map<String, LazySchema> INPUTS = new LinkedHashMap<>();

    static {
        SPECS.forEach((name, spec) -> INPUTS.put(name, new LazySchema(spec.inputSchema())));
    }

    private final Capabilities delegate;
    private final SymphonyPaths paths;
    private final Path workspace;
    private final OverlayShell overlay;
    private CheckpointSession checkpoints;

    /**
     * @param delegate  the run's other capabilities (the model Instruments among them); closed with this
     * @param workspace the folder the agent works in
     */
    public AgentOperators(Capabilities delegate, SymphonyPaths paths, Path workspace) {
        this.delegate = delegate;
        this.paths = paths;
        this.workspace = workspace.toAbsolutePath().normalize();
        this.overlay = new OverlayShell(paths.data("agent-overlay"));
    }

    private static Map<String, CapabilitySpec> specs() {
        try (InputStream in = AgentOperators.class.getResourceAsStream("operators.json")) {
            JsonNode all = JSON.readTree(in);
            Map<String, CapabilitySpec> out = new LinkedHashMap<>();
            all.fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith("#")) {
                    JsonNode output = e.getValue().get("output");
                    if (output.has("$ref")) {
                        output = all.get(output.get("$ref").asText());
                    }
                    out.put(e.getKey(), new CapabilitySpec(EXTENSION, e.getKey(), "operator", e.getValue().get("input"), output,
                            0, 0, e.getValue().get("timeoutMs").asLong()));
                }
            });
            return java.util.Collections.unmodifiableMap(out);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the agent Operators' description (operators.json beside AgentOperators) is unreadable", e);
        }
    }

    @Override
    public boolean hasExtension(String extension) {
        return EXTENSION.equals(extension) || delegate.hasExtension(extension);
    }

    @Override
    public Optional<CapabilitySpec> find(String extension, String capability) {
        return EXTENSION.equals(extension) ? Optional.ofNullable(SPECS.get(capability)) : delegate.find(extension, capability);
    }

    @Override
    public List<CapabilitySpec> offering(String capability, String kind) {
        List<CapabilitySpec> out = new ArrayList<>(delegate.offering(capability, kind));
        if ((kind == null || kind.equals("operator")) && SPECS.containsKey(capability)) {
            out.add(SPECS.get(capability));
        }
        return out;
    }

    @Override
    public JsonNode call(CapabilitySpec spec, JsonNode input, Duration timeout) throws Exception {
        return invoke(spec, input, timeout).output();
    }

    @Override
    public Reply invoke(CapabilitySpec spec, JsonNode input, Duration timeout) throws Exception {
        if (!EXTENSION.equals(spec.extension())) {
            return delegate.invoke(spec, input, timeout);
        }
        LazySchema schema = INPUTS.get(spec.capability());
        if (schema == null) {
            throw new IllegalArgumentException(EXTENSION + " has no capability '" + spec.capability() + "'; it has " + SPECS.keySet());
        }
        var problems = schema.validate(input);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(spec.key() + ": the input does not match its schema: "
                    + String.join("; ", problems.stream().map(com.networknt.schema.ValidationMessage::getMessage).sorted().toList()));
        }
        ApprovalPolicy policy;
        try {
            policy = ApprovalPolicy.load(paths.configDir(), workspace);
        } catch (PolicyException e) {
            throw new IllegalStateException("the approval policy does not load: " + e.getMessage(), e);
        }
        return switch (spec.capability()) {
            case "apply" -> new Reply(StageWriter.apply(workspace, Stage.from(input.get("stage")), input.get("approval"), policy,
                    checkpoints()), 0, 0);
            case "restore" -> new Reply(StageWriter.restore(input.get("checkpoint").asInt(), checkpoints()), 0, 0);
            case "phase" -> phase(input, policy, timeout);
            default -> new Reply(tool(spec.capability(), input, policy), 0, 0);
        };
    }

    private AgentTools tools(ApprovalPolicy policy, Stage stage) {
        return new AgentTools(workspace, policy, new HeadlessGate(), new StagedEdits(workspace, stage),
                new CommandRunner(COMMAND_LIMIT).withOverlay(overlay).overlayOnly(), StepRecorder.NONE);
    }

    private Reply phase(JsonNode input, ApprovalPolicy policy, Duration timeout) {
        Stage stage = Stage.from(input.get("stage"));
        AgentTools tools = tools(policy, stage);
        if (input.has("tools")) {
            List<String> names = new ArrayList<>();
            input.get("tools").forEach(t -> names.add(t.asText()));
            tools.offering(names);
        }
        CapabilitiesModelBackend model = new CapabilitiesModelBackend(delegate, input.get("model").asText(), timeout,
                input.path("maxTurns").asInt(dev.symphony.agent.AgentLoop.MAX_STEPS));
        ObjectNode out = AgentPhase.run(input, model, tools, stage);
        return new Reply(out, model.tokens(), model.cost());
    }

    /** One tool as a node: its result for the next nodes; a call the policy denied or nobody could approve fails the node. */
    private ObjectNode tool(String name, JsonNode input, ApprovalPolicy policy) {
        Stage stage = Stage.from(input.get("stage"));
        ObjectNode args = input.deepCopy();
        args.remove("stage");
        AgentTools.Outcome o = tools(policy, stage).run(new ToolCall("melody", name, args), () -> Thread.currentThread().isInterrupted());
        if (!o.ran()) {
            throw new IllegalStateException(o.title() + ": " + o.result());
        }
        ObjectNode out = JSON.createObjectNode().put("result", o.result()).put("ran", true)
                .put("decision", o.decision() == null ? null : o.decision().name().toLowerCase(java.util.Locale.ROOT));
        out.set("stage", stage.toJson());
        Matcher m = EXIT.matcher(o.result());
        if (name.equals("run_command") && m.find()) {
            out.put("exitCode", Integer.parseInt(m.group(1)));
        }
        return out;
    }

    /** This process's checkpoints of the workspace, opened on first use (copies encrypted with the kernel-kept key). */
    private synchronized Checkpoints checkpoints() throws IOException {
        if (checkpoints == null) {
            checkpoints = CheckpointSession.open(paths.data("checkpoints"), CheckpointKeys.load(paths));
        }
        return checkpoints.of(workspace);
    }

    @Override
    public Reply stream(CapabilitySpec spec, JsonNode input, Duration timeout, java.util.function.Consumer<JsonNode> chunks)
            throws Exception {
        return EXTENSION.equals(spec.extension()) ? Capabilities.super.stream(spec, input, timeout, chunks)
                : delegate.stream(spec, input, timeout, chunks);
    }

    @Override
    public CompletableFuture<?> warmUp(CapabilitySpec spec) {
        return EXTENSION.equals(spec.extension()) ? CompletableFuture.completedFuture(null) : delegate.warmUp(spec);
    }

    @Override
    public synchronized void close() throws Exception {
        try {
            if (checkpoints != null) {
                checkpoints.close();
            }
        } finally {
            if (delegate instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
