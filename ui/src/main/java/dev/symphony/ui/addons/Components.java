package dev.symphony.ui.addons;

import java.util.Map;
import java.util.Set;

/**
 * The components an extension may use, and the props each requires with their JSON type. The one list the
 * reader checks against, the renderer builds from, and the SDK README documents.
 */
public final class Components {
    /** Containers lay their children out; collections show them as rows or items in a virtualized control. */
    public static final Set<String> CONTAINERS = Set.of("column", "row", "split", "tabs");
    public static final Set<String> COLLECTIONS = Set.of("list", "table", "tree");
    /** Leaves: no children. */
    public static final Set<String> LEAVES = Set.of("text", "markdown", "code", "button", "textField", "checkbox", "select",
            "progress", "badge", "chart");
    /** A child of a tree: a labelled item with its own children. */
    public static final String TREE_ITEM = "treeItem";

    /** Required props: name → JSON node type ("string", "number", "array", "boolean"). */
    static final Map<String, Map<String, String>> REQUIRED = Map.of(
            "text", Map.of("text", "string"),
            "markdown", Map.of("markdown", "string"),
            "code", Map.of("code", "string"),
            "button", Map.of("text", "string"),
            "badge", Map.of("text", "string"),
            "progress", Map.of("value", "number"),
            "select", Map.of("options", "array"),
            "chart", Map.of("type", "string", "series", "array"),
            "table", Map.of("columns", "array"),
            TREE_ITEM, Map.of("text", "string"));

    private Components() {
    }

    public static boolean known(String component) {
        return CONTAINERS.contains(component) || COLLECTIONS.contains(component) || LEAVES.contains(component)
                || TREE_ITEM.equals(component);
    }
}
