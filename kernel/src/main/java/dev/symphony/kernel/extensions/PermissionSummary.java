package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An extension's permissions in plain words, one line each, for the approval the user gives before an install:
 * {@code symphony ext install} prints these lines, the workbench's permission review dialog shows them.
 */
public final class PermissionSummary {
    /** One permission: a short label and what it lets the extension do. */
    public record Line(String label, String meaning) {
        @Override
        public String toString() {
            return String.format("  %-16s %s", label + ":", meaning);
        }
    }

    private PermissionSummary() {
    }

    public static String heading(ExtensionManifest m) {
        return m.displayName() + " (" + m.id() + " " + m.version() + ", " + m.kind().name().toLowerCase(Locale.ROOT)
                + ", by " + m.publisher() + ") asks for:";
    }

    public static List<Line> lines(ExtensionManifest m) {
        var p = m.permissions();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("read files", p.read().isEmpty() ? "none" : String.join(", ", p.read())
                + " (it can read these files and send what it reads to its callers)"));
        lines.add(new Line("write files", p.write().isEmpty() ? "none" : String.join(", ", p.write())
                + " (it can change or delete these files)"));
        lines.add(new Line("network hosts", p.network().isEmpty() ? "none" : String.join(", ", p.network())
                + " (it can send data to these servers)"));
        if (!p.secrets().isEmpty()) { // the kernel adds each to requests to one host; the extension never sees it
            lines.add(new Line("secrets", String.join(", ", p.secrets().stream()
                    .map(g -> g.name() + " (sent by Symphony as " + g.header() + " to " + g.host() + " only)").toList())));
        }
        lines.add(new Line("start processes", p.processes() ? "yes (it can run programs on this computer)" : "no"));
        if (HostTools.granted(m)) {
            lines.add(new Line("tools folder", "read-only, with the workspace its read globs name (programs it runs itself, e.g. language servers, see them)"));
        }
        if (!SettingFiles.keys(m).isEmpty()) {
            lines.add(new Line("chosen files", "read-only, the files you name in its setting" + (SettingFiles.keys(m).size() > 1 ? "s " : " ")
                    + String.join(", ", SettingFiles.keys(m)) + " (in your user settings.json only)"));
        }
        lines.add(new Line("memory", p.maxHeapMb() + " MB heap; CPU share " + p.maxCpuShare()));
        lines.add(new Line("OS sandbox", sandboxed()
                ? "bubblewrap (no network, only its own folders writable)"
                : "NONE available here — it will be refused unless you mark it trusted (`symphony ext trust " + m.id()
                        + "`: it then runs with your full rights), or install bubblewrap (`apt install bubblewrap`)"));
        if (!m.dependencies().isEmpty()) {
            lines.add(new Line("calls", String.join(", ", m.dependencies().stream().map(ExtensionManifest.Dependency::id).toList())));
        }
        if (!m.contributes().tools().isEmpty()) {
            lines.add(new Line("tools", String.join(", ", m.contributes().tools().stream().map(t -> "symphony " + t.name()).toList())
                    + " (run outside the sandbox, with your rights, when you start them)"));
        }
        return lines;
    }

    /**
     * What changes from {@code before}'s permissions to {@code after}'s, as lines {@code + label: meaning} (new or
     * changed) and {@code - label: meaning} (gone, or the old form of a changed one); empty: the same permissions.
     */
    public static List<String> difference(ExtensionManifest before, ExtensionManifest after) {
        java.util.Map<String, String> old = new java.util.LinkedHashMap<>();
        lines(before).forEach(l -> old.put(l.label(), l.label() + ": " + l.meaning()));
        java.util.Map<String, String> now = new java.util.LinkedHashMap<>();
        lines(after).forEach(l -> now.put(l.label(), l.label() + ": " + l.meaning()));
        List<String> diff = new java.util.ArrayList<>();
        now.forEach((label, line) -> {
            if (!line.equals(old.get(label))) {
                if (old.containsKey(label)) {
                    diff.add("- " + old.get(label));
                }
                diff.add("+ " + line);
            }
        });
        old.forEach((label, line) -> {
            if (!now.containsKey(label)) {
                diff.add("- " + line);
            }
        });
        return diff;
    }

    /** Whether installed extensions run in an OS sandbox here. */
    public static boolean sandboxed() {
        return Sandbox.available() && Sandbox.Mode.fromProperty() != Sandbox.Mode.OFF;
    }
}
