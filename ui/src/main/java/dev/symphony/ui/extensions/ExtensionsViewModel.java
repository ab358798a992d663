package dev.symphony.ui.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.Version;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.extensions.ArchiveInstaller;
import dev.symphony.kernel.extensions.InstallException;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.PermissionSummary;
import dev.symphony.kernel.extensions.Player;
import dev.symphony.kernel.marketplace.KeptArchives;
import dev.symphony.kernel.signing.SignaturePolicy;
import dev.symphony.kernel.signing.TrustedPublishers;
import dev.symphony.ui.FxBridge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Extensions view's model: rows refreshed from the kernel and every action run on this model's own thread (a
 * host stop or an archive check never blocks the JavaFX thread), results handed back through the {@link FxBridge}.
 * An install is two steps: {@link #review} checks the archive and puts it up for review ({@link #pending}), then
 * {@link #approve} or {@link #deny}.
 */
public final class ExtensionsViewModel implements AutoCloseable {
    /** What allows an unsigned archive here, as its warning and the audit say: the user's approval of the review. */
    static final String UNSIGNED_ALLOWED_BY = "your approval in the Extensions view";
    private final CompletableFuture<Kernel> kernel;
    private final Path auditDir;
    private final FxBridge bridge;
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "extensions-view");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<ExtensionRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ArchiveInstaller.Prepared> pending = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    /** What the signature of the archive under review says (who signed it, or UNSIGNED); read with {@link #pending}. */
    private final StringProperty signature = new SimpleStringProperty("");
    private volatile SignaturePolicy.Decision pendingSignature;
    /** For an update under review: how its permissions differ from the installed version's (empty otherwise). */
    private final StringProperty changes = new SimpleStringProperty("");
    private volatile ExtensionManifest pendingUpdateOf;
    private volatile Path pendingArchive;
    private Runnable onInstalled = () -> { };
    private final MarketplaceModel marketplace;

    public ExtensionsViewModel(CompletableFuture<Kernel> kernel, Path auditDir, FxBridge bridge) {
        this.kernel = kernel;
        this.auditDir = auditDir;
        this.bridge = bridge;
        this.marketplace = new MarketplaceModel(kernel, bridge, this::review);
    }

    public MarketplaceModel marketplace() {
        return marketplace;
    }

    public ObservableList<ExtensionRow> rows() {
        return rows;
    }

    /** The archive under review, or null. */
    public ObjectProperty<ArchiveInstaller.Prepared> pending() {
        return pending;
    }

    public StringProperty signature() {
        return signature;
    }

    /** For an update under review, the permission difference from the installed version; empty for a new install. */
    public StringProperty changes() {
        return changes;
    }

    public StringProperty message() {
        return message;
    }

    /** Called (JavaFX thread) after an install, so the workbench picks up the new contributions. */
    public void onInstalled(Runnable action) {
        onInstalled = action;
    }

    public void refresh() {
        run(k -> {
            List<ExtensionRow> now = k.players().stream().map(p -> ExtensionRow.of(p, k.store())).toList();
            bridge.onFx(() -> rows.setAll(now));
        });
    }

    public void enable(String id) {
        act("enabled " + id, k -> k.enable(id));
    }

    public void disable(String id) {
        act("disabled " + id, k -> k.disable(id));
    }

    public void reload(String id) {
        act("reloaded " + id, k -> k.reload(id));
    }

    public void remove(String id) {
        act("removed " + id, k -> {
            try {
                k.remove(id);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The last 200 lines of the host's log. */
    public void logs(String id, Consumer<String> onText) {
        run(k -> {
            Path log = k.logFile(id);
            List<String> lines = Files.isRegularFile(log) ? Files.readAllLines(log) : List.of("(no log yet: " + log + ")");
            String text = String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size()));
            bridge.onFx(() -> onText.accept(text));
        });
    }

    /** The audit entries whose resource is this extension or one of its capabilities, newest last. */
    public void audit(String id, Consumer<String> onText) {
        run(k -> {
            k.audit().flush();
            StringBuilder text = new StringBuilder();
            for (JsonNode e : AuditLog.readAll(auditDir)) {
                String resource = e.path("resource").asText();
                if (resource.equals(id) || resource.startsWith(id + "/") || e.path("reportedBy").asText().equals(id)) {
                    text.append(e.path("when").asText()).append("  ").append(e.path("who").asText()).append("  ")
                            .append(e.path("what").asText()).append("  ").append(resource).append("  ")
                            .append(e.path("decision").asText()).append(e.hasNonNull("detail") ? "  " + e.path("detail").asText() : "")
                            .append('\n');
                }
            }
            String result = text.isEmpty() ? "(no audit entries for " + id + ")" : text.toString();
            bridge.onFx(() -> onText.accept(result));
        });
    }

    /** Checks an archive (signature of its contents, manifest, paths) and puts it up for the permission review. */
    public void review(Path archive) {
        review(archive, null);
    }

    /**
     * As {@link #review(Path)}; {@code installed} (null: the version installed here under the archive's id, if any) is
     * the version an update replaces: the review then shows how the permissions change.
     */
    public void review(Path archive, ExtensionManifest installed) {
        run(k -> {
            try {
                ArchiveInstaller.Prepared prepared = new ArchiveInstaller(k.store()).prepare(archive, null);
                // the review is the explicit approval an unsigned archive needs here (--allow-unsigned at the CLI)
                SignaturePolicy.Decision d = SignaturePolicy.decide(prepared.signature(), prepared.manifest().publisher(),
                        new TrustedPublishers(k.paths().configDir()), UNSIGNED_ALLOWED_BY, archive.getFileName().toString());
                if (d.refused()) {
                    new ArchiveInstaller(k.store()).abort(prepared);
                    k.audit().record("user", "ext.install", prepared.manifest().id(), false, d.audit());
                    bridge.onFx(() -> message.set("Not installed: " + d.message()));
                    return;
                }
                // installing over what is there is an update, however it was started: the review shows the difference
                ExtensionManifest before = installed != null ? installed
                        : k.player(prepared.manifest().id()).filter(p -> p.origin() == Player.Origin.INSTALLED).map(Player::manifest).orElse(null);
                pendingSignature = d;
                pendingUpdateOf = before;
                pendingArchive = archive;
                String diff = before == null ? "" : describeChange(before, prepared.manifest());
                bridge.onFx(() -> {
                    changes.set(diff);
                    signature.set(d.message() + (d.kind() == SignaturePolicy.Kind.ASK_TRUST ? "\nApproving trusts this key." : ""));
                    pending.set(prepared);
                });
            } catch (InstallException e) {
                k.audit().record("user", "ext.install", archive.toString(), false, "refused: " + e.getMessage());
                bridge.onFx(() -> message.set("Not installed: " + e.getMessage()));
            }
        });
    }

    /** Puts the newest older version installed here before up for review, showing how the permissions change. */
    public void rollBack(String id) {
        run(k -> {
            ExtensionManifest installed = k.player(id).filter(p -> p.origin() == Player.Origin.INSTALLED).map(Player::manifest).orElse(null);
            if (installed == null) {
                bridge.onFx(() -> message.set(id + " is not installed from an archive here (bundled or a source module): nothing to roll back"));
                return;
            }
            java.util.Optional<Path> previous = new KeptArchives(k.paths()).previous(id, installed.version());
            if (previous.isEmpty()) {
                bridge.onFx(() -> message.set("No version of " + id + " older than " + installed.version() + " was installed here"));
                return;
            }
            review(previous.get(), installed);
        });
    }

    /** Installs the archive under review; {@code trust}: it may run without an OS sandbox where none is available. */
    public void approve(boolean trust) {
        ArchiveInstaller.Prepared prepared = pending.get();
        pending.set(null);
        if (prepared == null) {
            return;
        }
        run(k -> {
            try {
                new ArchiveInstaller(k.store()).commit(prepared);
            } catch (InstallException e) {
                k.audit().record("user", "ext.install", prepared.manifest().id(), false, "refused: " + e.getMessage());
                bridge.onFx(() -> message.set("Not installed: " + e.getMessage()));
                return;
            }
            String id = prepared.manifest().id();
            SignaturePolicy.Decision d = pendingSignature;
            if (d.kind() == SignaturePolicy.Kind.ASK_TRUST) {
                new TrustedPublishers(k.paths().configDir()).add(d.signer().publisher(), d.signer().key());
                k.audit().record("user", "ext.publisher.trust", d.signer().fingerprint(), true,
                        "publisher " + d.signer().publisher() + ", at first use installing " + id + " in the Extensions view");
            }
            k.audit().record("user", "ext.install", id, true, "version " + prepared.manifest().version() + "; " + d.audit());
            k.audit().record("user", "ext.approve", id, true, "permissions reviewed in the Extensions view");
            if (trust && !PermissionSummary.sandboxed()) {
                k.store().trust(id, prepared.manifest().version());
                k.audit().record("user", "ext.trust", id, true, "version " + prepared.manifest().version()
                        + " may run without an OS sandbox where none is available");
            }
            try {
                new KeptArchives(k.paths()).keep(prepared.manifest(), pendingArchive);
            } catch (IOException e) {
                bridge.onFx(() -> message.set("Installed, but its archive is not kept for a rollback: " + e.getMessage()));
            }
            ExtensionManifest replaced = pendingUpdateOf;
            if (replaced != null) {
                k.reinstalled(id);
            } else {
                k.discoverNew();
            }
            bridge.onFx(() -> {
                message.set(replaced != null ? "Updated " + id + " " + replaced.version() + " → " + prepared.manifest().version()
                        : "Installed " + id + " " + prepared.manifest().version());
                marketplace.checkUpdates();
                onInstalled.run();
            });
            refreshNow(k);
        });
    }

    public void deny() {
        ArchiveInstaller.Prepared prepared = pending.get();
        pending.set(null);
        if (prepared != null) {
            run(k -> {
                new ArchiveInstaller(k.store()).abort(prepared);
                k.audit().record("user", "ext.install", prepared.manifest().id(), false, "not approved in the Extensions view");
                bridge.onFx(() -> message.set("Not approved; nothing installed"));
            });
        }
    }

    /** The review's words for an update: what changes in the permissions, or that nothing does. */
    static String describeChange(ExtensionManifest installed, ExtensionManifest next) {
        List<String> diff = PermissionSummary.difference(installed, next);
        String move = (Version.parse(next.version()).compareTo(Version.parse(installed.version())) < 0 ? "Roll back " : "Update ")
                + installed.version() + " → " + next.version() + ": ";
        return diff.isEmpty() ? move + "the same permissions as the installed version."
                : move + "it asks for DIFFERENT permissions (+ new, - no longer):\n" + String.join("\n", diff);
    }

    private interface KernelWork {
        void run(Kernel k) throws Exception;
    }

    private void act(String done, Consumer<Kernel> action) {
        run(k -> {
            action.accept(k);
            bridge.onFx(() -> message.set(done.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + done.substring(1)));
            refreshNow(k);
        });
    }

    private void refreshNow(Kernel k) {
        List<ExtensionRow> now = k.players().stream().map(p -> ExtensionRow.of(p, k.store())).toList();
        bridge.onFx(() -> rows.setAll(now));
    }

    private void run(KernelWork task) {
        kernel.thenAcceptAsync(k -> {
            try {
                task.run(k);
            } catch (Exception | Error e) {
                bridge.onFx(() -> message.set("Failed: " + e.getMessage()));
            }
        }, work);
    }

    @Override
    public void close() {
        work.shutdownNow();
        marketplace.close();
    }
}
