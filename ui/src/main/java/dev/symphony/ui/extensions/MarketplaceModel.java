package dev.symphony.ui.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.Version;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.extensions.Player;
import dev.symphony.kernel.marketplace.IndexException;
import dev.symphony.kernel.marketplace.Marketplace;
import dev.symphony.ui.FxBridge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Extensions view's marketplace: searches the indexes of the {@code extensions.indexes} setting (read and checked
 * on this model's own thread, never on the JavaFX thread) and installs a result by downloading its archive and handing
 * it to the same permission review as an install from a file; finds newer releases of what is installed and hands an
 * update to that review with the installed version, so the review shows how the permissions change.
 */
public final class MarketplaceModel implements AutoCloseable {
    private final CompletableFuture<Kernel> kernel;
    private final FxBridge bridge;
    private final BiConsumer<Path, ExtensionManifest> review;
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "extensions-marketplace");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<Marketplace.Found> results = FXCollections.observableArrayList();
    private final ObservableList<Update> updates = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    /** A newer release in an index of an extension this machine has. */
    public record Update(Marketplace.Found found, ExtensionManifest installed) {
    }

    /**
     * {@code review}: puts a downloaded archive up for the permission review, with the installed manifest it would
     * replace (null: a new install).
     */
    public MarketplaceModel(CompletableFuture<Kernel> kernel, FxBridge bridge, BiConsumer<Path, ExtensionManifest> review) {
        this.kernel = kernel;
        this.bridge = bridge;
        this.review = review;
    }

    public ObservableList<Marketplace.Found> results() {
        return results;
    }

    public ObservableList<Update> updates() {
        return updates;
    }

    public StringProperty status() {
        return status;
    }

    /** Searches by name, description, category or capability (empty: everything). */
    public void search(String query) {
        status.set("Searching…");
        kernel.thenAcceptAsync(k -> {
            List<String> problems = new ArrayList<>();
            List<Marketplace.Found> found = Marketplace.load(k.paths(), problems::add).search(query, null, KernelContext.ENGINE_VERSION);
            bridge.onFx(() -> {
                results.setAll(found);
                status.set(found.size() + " found" + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
            });
        }, work).exceptionally(e -> {
            bridge.onFx(() -> status.set("Search failed: " + e.getMessage()));
            return null;
        });
    }

    /** Looks for newer releases of the extensions this machine has, in every configured index. */
    public void checkUpdates() {
        status.set("Checking for updates…");
        kernel.thenAcceptAsync(k -> {
            List<String> problems = new ArrayList<>();
            Marketplace market = Marketplace.load(k.paths(), problems::add);
            List<Update> found = new ArrayList<>();
            for (Player p : k.players()) {
                ExtensionManifest m = p.manifest();
                if (m == null) {
                    continue;
                }
                market.find(p.id(), null, KernelContext.ENGINE_VERSION)
                        .filter(f -> Version.parse(f.release().version()).compareTo(Version.parse(m.version())) > 0)
                        .ifPresent(f -> found.add(new Update(f, m)));
            }
            bridge.onFx(() -> {
                updates.setAll(found);
                status.set((found.isEmpty() ? "No updates" : found.size() + " update" + (found.size() == 1 ? "" : "s"))
                        + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
            });
        }, work).exceptionally(e -> {
            bridge.onFx(() -> status.set("Checking for updates failed: " + e.getMessage()));
            return null;
        });
    }

    /** Downloads the newer release, then opens the permission review showing what changes. */
    public void update(Update update) {
        download(update.found(), update.installed());
    }

    /** Downloads the release (size and SHA-256 checked against the index), then opens the permission review. */
    public void install(Marketplace.Found found) {
        download(found, null);
    }

    private void download(Marketplace.Found found, ExtensionManifest installed) {
        status.set("Downloading " + found.release().archive() + "…");
        kernel.thenAcceptAsync(k -> {
            try {
                Path archive = found.download(k.paths());
                bridge.onFx(() -> status.set("Review the permissions of " + found.extension().id() + " " + found.release().version()));
                review.accept(archive, installed);
            } catch (IndexException e) {
                bridge.onFx(() -> status.set("Not installed: " + e.getMessage()));
            }
        }, work);
    }

    /** One line for a result: name, version, publisher, categories, description. */
    static String summary(Marketplace.Found f) {
        var e = f.extension();
        return e.displayName() + " " + f.release().version() + " — " + e.publisher()
                + (e.categories().isEmpty() ? "" : " [" + String.join(", ", e.categories()) + "]")
                + (e.description().isEmpty() ? "" : "\n" + e.description());
    }

    /** One line for an update: name, installed → offered version. */
    static String summary(Update u) {
        return u.found().extension().displayName() + " " + u.installed().version() + " → " + u.found().release().version();
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
