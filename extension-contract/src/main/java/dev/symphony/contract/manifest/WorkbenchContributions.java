package dev.symphony.contract.manifest;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a manifest contributes to the workbench ({@code contributes.commands}, {@code views}, {@code statusBar},
 * {@code workbench}) and its activation events, read from the already-validated manifest's JSON. A separate model
 * from {@link ExtensionManifest} so the kernel's and the CLI's model stays as it is; the workbench is its reader.
 */
public record WorkbenchContributions(List<CommandItem> commands, List<View> views, List<StatusItem> statusBar,
                                     Set<Feature> features, List<String> activation) {

    /** A palette command; {@code keybinding} in VS Code's notation ({@code Ctrl+Alt+H}), or null. */
    public record CommandItem(String id, String title, String category, String keybinding, String capability) {
    }

    public enum Location { SIDEBAR, PANEL }

    /** A view: an Addon capability rendering VirtualNode trees; {@code icon} an SVG path or null. */
    public record View(String id, String title, String icon, Location location, String capability) {
    }

    /** A status-bar item; {@code command} (a contributed command id) runs on click, or null. */
    public record StatusItem(String id, String text, String tooltip, String command, boolean right) {
    }

    /** What the extension may ask of the workbench at run time. */
    public enum Feature { FILE_DECORATIONS, EDITOR_DECORATIONS, DIAGNOSTICS, PROMPTS, NOTIFICATIONS;

        static Feature of(String name) {
            return valueOf(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
    }

    public WorkbenchContributions {
        commands = List.copyOf(commands);
        views = List.copyOf(views);
        statusBar = List.copyOf(statusBar);
        features = Set.copyOf(features);
        activation = List.copyOf(activation);
    }

    public static WorkbenchContributions of(ExtensionManifest manifest) {
        JsonNode c = manifest.raw().path("contributes");
        List<CommandItem> commands = new ArrayList<>();
        for (JsonNode n : c.path("commands")) {
            commands.add(new CommandItem(n.path("id").asText(), n.path("title").asText(),
                    n.path("category").asText(manifest.displayName()), text(n, "keybinding"), n.path("capability").asText()));
        }
        List<View> views = new ArrayList<>();
        for (JsonNode n : c.path("views")) {
            views.add(new View(n.path("id").asText(), n.path("title").asText(), text(n, "icon"),
                    n.path("location").asText("sidebar").equals("panel") ? Location.PANEL : Location.SIDEBAR,
                    n.path("capability").asText()));
        }
        List<StatusItem> status = new ArrayList<>();
        for (JsonNode n : c.path("statusBar")) {
            status.add(new StatusItem(n.path("id").asText(), n.path("text").asText(), text(n, "tooltip"),
                    text(n, "command"), n.path("alignment").asText("left").equals("right")));
        }
        Set<Feature> features = new HashSet<>();
        c.path("workbench").forEach(n -> features.add(Feature.of(n.asText())));
        return new WorkbenchContributions(commands, views, status, features, manifest.activation());
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** The activation events whose prefix is {@code prefix} ({@code "onView:"}), without the prefix. */
    public List<String> activationArguments(String prefix) {
        return activation.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).toList();
    }

    /**
     * The rules the schema cannot express, with the JSON path of each problem: unique view, command and status ids;
     * a view's capability is an Addon; a status item's command is contributed; {@code onView:} names a contributed
     * view; {@code workspaceContains:} holds a valid glob. {@code capabilityKinds} maps capability names to kinds.
     */
    static void check(JsonNode root, java.util.Map<String, String> capabilityKinds, List<ManifestException.Problem> problems) {
        JsonNode c = root.path("contributes");
        Set<String> commandIds = unique(c.path("commands"), "$.contributes.commands", problems);
        Set<String> viewIds = unique(c.path("views"), "$.contributes.views", problems);
        unique(c.path("statusBar"), "$.contributes.statusBar", problems);
        JsonNode views = c.path("views");
        for (int i = 0; i < views.size(); i++) {
            String cap = views.get(i).path("capability").asText();
            String kind = capabilityKinds.get(cap);
            if (kind == null) {
                problems.add(new ManifestException.Problem("$.contributes.views[" + i + "].capability", "no capability named '" + cap + "'"));
            } else if (!kind.equals("addon")) {
                problems.add(new ManifestException.Problem("$.contributes.views[" + i + "].capability",
                        "'" + cap + "' is an " + kind + "; a view needs an addon capability (it renders VirtualNode trees)"));
            }
        }
        JsonNode status = c.path("statusBar");
        for (int i = 0; i < status.size(); i++) {
            if (status.get(i).has("command") && !commandIds.contains(status.get(i).path("command").asText())) {
                problems.add(new ManifestException.Problem("$.contributes.statusBar[" + i + "].command",
                        "no contributed command '" + status.get(i).path("command").asText() + "'"));
            }
        }
        JsonNode activation = root.path("activation");
        for (int i = 0; i < activation.size(); i++) {
            String event = activation.get(i).asText();
            if (event.startsWith("onView:") && !viewIds.contains(event.substring(7))) {
                problems.add(new ManifestException.Problem("$.activation[" + i + "]", "no contributed view '" + event.substring(7) + "'"));
            } else if (event.startsWith("workspaceContains:")) {
                try {
                    FileSystems.getDefault().getPathMatcher("glob:" + event.substring(18));
                } catch (IllegalArgumentException e) {
                    problems.add(new ManifestException.Problem("$.activation[" + i + "]", "not a valid glob: " + e.getMessage()));
                }
            }
        }
    }

    private static Set<String> unique(JsonNode items, String at, List<ManifestException.Problem> problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!ids.add(items.get(i).path("id").asText())) {
                problems.add(new ManifestException.Problem(at + "[" + i + "].id", "duplicate id '" + items.get(i).path("id").asText() + "'"));
            }
        }
        return ids;
    }
}
