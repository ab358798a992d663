package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One node: its id, type, JSON path in the file, its JSON (what the file says, kept for the text-preserving
 * writer and messages) and its typed fields: {@link NodeCommon} and the kind's {@link NodeSpec}, built once when
 * the Melody is read. The executor reads the typed fields (fields per type: conductor/docs/melody-format.md).
 */
public record MelodyNode(String id, NodeType type, JsonNode json, String path, Melody body, NodeCommon common,
                         NodeSpec spec) {

    /** The node of a schema-valid JSON object; its typed fields are built from {@code json}. */
    public MelodyNode(String id, NodeType type, JsonNode json, String path, Melody body) {
        this(id, type, json, path, body, NodeCommon.of(json), NodeSpec.of(type, json, body));
    }

    public String text(String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public JsonNode field(String field) {
        JsonNode v = json.get(field);
        return v == null ? MissingNode.getInstance() : v;
    }

    public boolean essential() {
        return common.essential();
    }

    public String join() {
        return common.join().name().toLowerCase(java.util.Locale.ROOT);
    }

    public long timeoutMs(long fallback) {
        return common.timeoutMs() != null ? common.timeoutMs() : fallback;
    }

    /** The call's typed fields; null for other kinds. */
    public NodeSpec.Call call() {
        return spec instanceof NodeSpec.Call c ? c : null;
    }

    public String extension() {
        return spec instanceof NodeSpec.Call c ? c.extension() : null;
    }

    public String capability() {
        return spec instanceof NodeSpec.Call c ? c.capability() : null;
    }

    /** True when Maestro chooses the extension (the node names a capability only). */
    public boolean maestro() {
        return spec instanceof NodeSpec.Call c && c.maestro();
    }

    /** {@code onError}, typed (the default, fail at once, for nodes that are not calls). */
    public ErrorStrategy errorStrategy() {
        return spec instanceof NodeSpec.Call c ? c.onError() : ErrorStrategy.of(field("onError"));
    }

    /** The nodes withdrawn when this one finishes; {@code ["*"]} for {@code "cancels": "run"}. */
    public List<String> cancels() {
        return common.cancels();
    }

    /** Branch labels this node can choose (condition cases + default; approval: approved/rejected). */
    public List<String> branches() {
        List<String> out = new ArrayList<>();
        if (spec instanceof NodeSpec.Condition c) {
            c.cases().forEach(k -> {
                if (!out.contains(k.branch())) {
                    out.add(k.branch());
                }
            });
            if (c.defaultBranch() != null && !out.contains(c.defaultBranch())) {
                out.add(c.defaultBranch());
            }
        } else if (type == NodeType.APPROVAL) {
            out.add("approved");
            out.add("rejected");
        }
        return out;
    }
}
