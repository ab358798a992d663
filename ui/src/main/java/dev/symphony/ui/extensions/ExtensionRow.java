package dev.symphony.ui.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.extensions.ExtensionStore;
import dev.symphony.kernel.extensions.PermissionSummary;
import dev.symphony.kernel.extensions.Player;
import dev.symphony.kernel.extensions.PlayerUsage;
import dev.symphony.kernel.extensions.Sandbox;
import dev.symphony.kernel.extensions.SandboxPolicy;
import java.util.List;
import java.util.Locale;

/** One extension as the Extensions view shows it: a snapshot taken off the JavaFX thread. */
public record ExtensionRow(String id, String version, String kind, String state, String origin, String sandbox,
                           String sandboxReason, List<String> permissions, PlayerUsage.Snapshot usage, int restarts,
                           String problem) {

    static ExtensionRow of(Player p, ExtensionStore store) {
        ExtensionManifest m = p.manifest();
        SandboxPolicy.Decision sandbox = SandboxPolicy.decide(p, Sandbox.Mode.fromProperty(), store);
        return new ExtensionRow(p.id(), m == null ? "?" : m.version(),
                m == null ? "?" : m.kind().name().toLowerCase(Locale.ROOT), p.state().name(),
                p.development() ? "source checkout" : p.origin().name().toLowerCase(Locale.ROOT),
                sandbox.label(), sandbox.reason(),
                m == null ? List.of() : PermissionSummary.lines(m).stream().map(l -> l.label() + ": " + l.meaning()).toList(),
                p.usage(), p.restarts(), p.problem());
    }

    /** The summary in the list: the id, then the other columns of {@code symphony ext list}. */
    public String summary() {
        return id + "\n" + version + " · " + kind + " · " + state + " · " + sandbox;
    }

    /** The details below the list. */
    public String details() {
        StringBuilder b = new StringBuilder();
        b.append(id).append(' ').append(version).append(" (").append(kind).append(", ").append(origin).append(")\n");
        b.append("state: ").append(state).append(problem == null ? "" : " — " + problem).append('\n');
        b.append("sandbox: ").append(sandbox).append(sandboxReason == null || sandboxReason.isEmpty() ? "" : " — " + sandboxReason).append('\n');
        b.append("resources: ").append(usage.residentBytes() < 0 ? "not running" : usage.residentBytes() / (1024 * 1024) + " MB resident, "
                + usage.cpuMillis() + " ms CPU").append("; ").append(usage.calls()).append(" calls, ").append(usage.errors())
                .append(" errors; ").append(restarts).append(" restarts\n");
        permissions.forEach(line -> b.append(line).append('\n'));
        return b.toString();
    }
}
