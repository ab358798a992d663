package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.Version;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.extensions.PermissionSummary;
import dev.symphony.kernel.extensions.Player;
import dev.symphony.kernel.marketplace.ExtensionIndex;
import dev.symphony.kernel.marketplace.IndexException;
import dev.symphony.kernel.marketplace.IndexSource;
import dev.symphony.kernel.marketplace.KeptArchives;
import dev.symphony.kernel.marketplace.Marketplace;
import dev.symphony.kernel.paths.SymphonyPaths;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code symphony ext search [QUERY] [--category C] | update [ID] [--yes] [--accept-new-permissions] | rollback ID [--yes]},
 * and {@code ext install ID[@VERSION]} from the indexes of the {@code extensions.indexes} setting. Every archive
 * goes through the same checks and prompts as {@code ext install ARCHIVE}; an update whose permissions differ
 * shows the difference and needs an answer at a terminal (or {@code --accept-new-permissions}), never just {@code --yes}.
 * Installed archives are kept ({@link KeptArchives}) for {@code rollback}.
 */
final class ExtIndexCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtIndexCommands() {
    }

    static boolean looksLikeId(String arg) {
        return arg.matches("[a-z0-9][a-z0-9._-]*(@[0-9][0-9A-Za-z.+-]*)?") && !arg.endsWith(".zip");
    }

    static Marketplace marketplace(SymphonyPaths paths, PrintStream err) {
        return Marketplace.load(paths, problem -> err.println("symphony ext: " + problem));
    }

    /** {@code ext install ID[@VERSION]}: downloads the archive (size and SHA-256 checked) and returns it; null: reported. */
    static Path download(Kernel kernel, String spec, PrintStream err) {
        String id = spec.contains("@") ? spec.substring(0, spec.indexOf('@')) : spec;
        String version = spec.contains("@") ? spec.substring(spec.indexOf('@') + 1) : null;
        Optional<Marketplace.Found> found = marketplace(kernel.paths(), err).find(id, version, KernelContext.ENGINE_VERSION);
        if (found.isEmpty()) {
            err.println("symphony ext install: no file " + spec + " and no index lists " + id + (version == null ? " for engine " + KernelContext.ENGINE_VERSION : " " + version));
            return null;
        }
        return fetch(kernel, found.get(), err);
    }

    private static Path fetch(Kernel kernel, Marketplace.Found f, PrintStream err) {
        try {
            err.println("Downloading " + f.release().archive() + " (" + f.release().size() + " bytes) from " + f.index().source().location());
            return f.download(kernel.paths());
        } catch (IndexException e) {
            err.println("symphony ext install: " + e.getMessage());
            return null;
        }
    }

    static int search(String[] args, PrintStream out, PrintStream err) {
        String query = null;
        String category = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--category") && i + 1 < args.length) {
                category = args[++i];
            } else if (query == null && !args[i].startsWith("-")) {
                query = args[i];
            } else {
                err.println("symphony ext search: unexpected argument '" + args[i] + "'\nusage: symphony ext search [QUERY] [--category C]");
                return 2;
            }
        }
        SymphonyPaths paths = SymphonyPaths.resolve();
        for (Marketplace.Found f : marketplace(paths, err).search(query, category, KernelContext.ENGINE_VERSION)) {
            out.println(describe(f.index(), f.extension()));
        }
        return 0;
    }

    static ObjectNode describe(IndexSource.Loaded l, ExtensionIndex.Extension e) {
        ObjectNode n = JSON.createObjectNode().put("id", e.id()).put("name", e.displayName()).put("publisher", e.publisher())
                .put("description", e.description());
        e.newest(KernelContext.ENGINE_VERSION).ifPresent(r -> n.put("version", r.version()).put("size", r.size()).<ObjectNode>set("permissions", r.permissions()));
        e.categories().forEach(n.putArray("categories")::add);
        e.capabilities().forEach(n.putArray("capabilities")::add);
        e.releases().forEach(r -> n.withArray("/versions").add(r.version()));
        return n.put("index", l.source().location());
    }

    static int update(String[] args, PrintStream out, PrintStream err, Supplier<BufferedReader> terminal) throws IOException {
        boolean yes = false;
        boolean acceptNew = false;
        boolean allowUnsigned = false;
        String only = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--yes", "-y" -> yes = true;
                case "--accept-new-permissions" -> acceptNew = true;
                case "--allow-unsigned" -> allowUnsigned = true;
                default -> {
                    if (only != null || args[i].startsWith("-")) {
                        err.println("symphony ext update: unexpected argument '" + args[i] + "'");
                        return 2;
                    }
                    only = args[i];
                }
            }
        }
        try (Kernel kernel = CliKernel.start()) {
            Marketplace market = marketplace(kernel.paths(), err);
            int status = 0;
            int updated = 0;
            for (Player p : kernel.players()) {
                ExtensionManifest installed = p.manifest();
                if (installed == null || p.origin() != Player.Origin.INSTALLED || only != null && !only.equals(p.id())) {
                    continue;
                }
                Optional<Marketplace.Found> f = market.find(p.id(), null, KernelContext.ENGINE_VERSION);
                if (f.isEmpty() || Version.parse(f.get().release().version()).compareTo(Version.parse(installed.version())) <= 0) {
                    continue;
                }
                Path archive = fetch(kernel, f.get(), err);
                int code = archive == null ? 1 : ExtCommand.install(kernel, archive, f.get().release().sha256(), allowUnsigned, yes,
                        new Update(installed, acceptNew), out, err, terminal);
                status = Math.max(status, code);
                updated += code == 0 ? 1 : 0;
            }
            if (only != null && kernel.player(only).filter(p -> p.origin() == Player.Origin.INSTALLED).isEmpty()) {
                err.println("symphony ext update: " + only + " is not an installed extension (see `symphony ext list`)");
                return 2;
            }
            err.println("symphony ext update: " + updated + " updated");
            return status;
        }
    }

    /**
     * An update or rollback over {@code installed} (null: whatever is installed under the archive's id, if anything);
     * {@code acceptNewPermissions}: changed permissions need no terminal.
     */
    record Update(ExtensionManifest installed, boolean acceptNewPermissions) {
    }

    /**
     * Prints the permission difference between the installed version and the new one; true when they differ
     * (each line as {@code + label: meaning} for what is new or changed, {@code - …} for what goes).
     */
    static boolean describeChange(ExtensionManifest before, ExtensionManifest after, PrintStream err) {
        List<String> diff = PermissionSummary.difference(before, after);
        String move = after.id() + " " + before.version() + " -> " + after.version();
        if (diff.isEmpty()) {
            err.println(move + ": the same permissions as the installed version:");
            PermissionSummary.lines(after).forEach(err::println);
            return false;
        }
        err.println(move + " asks for DIFFERENT permissions than the installed version (+ new, - no longer):");
        diff.forEach(d -> err.println("  " + d));
        return true;
    }

    static void keepForRollback(Kernel kernel, ExtensionManifest m, Path archive) {
        try {
            new KeptArchives(kernel.paths()).keep(m, archive);
        } catch (IOException e) {
            System.err.println("symphony ext: installed, but cannot keep the archive for a rollback: " + e.getMessage());
        }
    }

    static int rollback(String[] args, PrintStream out, PrintStream err, Supplier<BufferedReader> terminal) throws IOException {
        if (args.length < 2) {
            err.println("usage: symphony ext rollback ID [--yes] [--allow-unsigned]");
            return 2;
        }
        boolean yes = List.of(args).contains("--yes");
        boolean allowUnsigned = List.of(args).contains("--allow-unsigned");
        try (Kernel kernel = CliKernel.start()) {
            ExtensionManifest installed = kernel.player(args[1]).filter(p -> p.origin() == Player.Origin.INSTALLED)
                    .map(Player::manifest).orElse(null);
            if (installed == null) {
                err.println("symphony ext rollback: " + args[1] + " is not an installed extension (see `symphony ext list`)");
                return 2;
            }
            Optional<Path> previous = new KeptArchives(kernel.paths()).previous(installed.id(), installed.version());
            if (previous.isEmpty()) {
                err.println("symphony ext rollback: no version of " + installed.id() + " older than " + installed.version() + " was installed here");
                return 1;
            }
            return ExtCommand.install(kernel, previous.get(), null, allowUnsigned, yes, new Update(installed, false), out, err, terminal);
        }
    }
}
