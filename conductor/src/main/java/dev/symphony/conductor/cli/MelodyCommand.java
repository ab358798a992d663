package dev.symphony.conductor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.polyphony.MelodyImporter;
import dev.symphony.conductor.polyphony.MelodyLibrary;
import dev.symphony.conductor.polyphony.MelodyPublisher;
import dev.symphony.kernel.cli.ExtCommand;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.extensions.Player;
import dev.symphony.kernel.marketplace.IndexException;
import dev.symphony.kernel.marketplace.Marketplace;
import dev.symphony.kernel.marketplace.MelodyListing;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.SignatureException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code symphony melody publish|search|import|history}: Polyphony, Melodies through the same signed indexes as
 * extensions (the {@code extensions.indexes} setting). One JSON line per result on stdout, messages on stderr.
 * Exit status: 0 done, 1 failed (an index, a download, an install), 2 bad usage or refused input.
 */
public final class MelodyCommand {
    static final String USAGE = String.join("\n",
            "usage: symphony melody publish FILE --id ID --version V --key KEY --index DIR [--category C]...",
            "       symphony melody search [QUERY] [--category C]",
            "       symphony melody import ID[@VERSION] [--to FILE] [--yes]",
            "       symphony melody history ID");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MelodyCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Options o = Options.parse(args);
            return switch (args[0]) {
                case "publish" -> publish(o, out);
                case "search" -> search(o, out, err);
                case "import" -> importMelody(o, out, err);
                case "history" -> history(o, out);
                default -> throw new UsageException("unknown melody command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("symphony melody: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IndexException | InvalidMelodyException | SignatureException | IllegalArgumentException | IllegalStateException e) {
            err.println("symphony melody " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("symphony melody " + args[0] + ": " + e);
            return 1;
        }
    }

    /** The arguments after the command word: positionals and the options each command accepts. */
    record Options(List<String> positional, Map<String, String> values, List<String> categories, boolean yes) {
        static Options parse(String[] args) {
            List<String> positional = new ArrayList<>();
            Map<String, String> values = new TreeMap<>();
            List<String> categories = new ArrayList<>();
            boolean yes = false;
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--yes", "-y" -> yes = true;
                    case "--id", "--version", "--key", "--index", "--to", "--category" -> {
                        if (i + 1 >= args.length) {
                            throw new UsageException(a + " needs a value");
                        }
                        if (a.equals("--category")) {
                            categories.add(args[++i]);
                        } else {
                            values.put(a.substring(2), args[++i]);
                        }
                    }
                    default -> {
                        if (a.startsWith("-")) {
                            throw new UsageException("unknown option '" + a + "'");
                        }
                        positional.add(a);
                    }
                }
            }
            return new Options(positional, values, categories, yes);
        }

        String one(String what) {
            if (positional.size() != 1) {
                throw new UsageException("expected one " + what + ", got " + positional.size() + " arguments");
            }
            return positional.get(0);
        }

        String required(String option) {
            String v = values.get(option);
            if (v == null) {
                throw new UsageException("--" + option + " is required");
            }
            return v;
        }
    }

    private static int publish(Options o, PrintStream out) throws IOException, InvalidMelodyException, IndexException, SignatureException {
        Path file = Path.of(o.one("Melody file"));
        MelodyPublisher.Published p = MelodyPublisher.publish(file, o.required("id"), o.required("version"), o.categories(),
                PublisherKey.read(Path.of(o.required("key"))), Path.of(o.required("index")), installedVersions());
        ObjectNode n = JSON.createObjectNode().put("published", p.meta().id()).put("version", p.meta().version())
                .put("archive", p.archive().toString()).put("melodies", p.index().melodies().size());
        requires(n.putArray("requires"), p.meta().requires());
        out.println(n);
        return 0;
    }

    private static int search(Options o, PrintStream out, PrintStream err) {
        if (o.positional().size() > 1 || o.categories().size() > 1) {
            throw new UsageException("search takes at most one QUERY and one --category");
        }
        String query = o.positional().isEmpty() ? null : o.positional().get(0);
        String category = o.categories().isEmpty() ? null : o.categories().get(0);
        for (Marketplace.FoundMelody f : marketplace(err).searchMelodies(query, category)) {
            ObjectNode n = JSON.createObjectNode().put("id", f.melody().id()).put("name", f.melody().displayName())
                    .put("publisher", f.melody().publisher()).put("description", f.melody().description())
                    .put("version", f.release().version());
            f.melody().categories().forEach(n.putArray("categories")::add);
            requires(n.putArray("requires"), f.release().requires());
            f.melody().releases().forEach(r -> n.withArray("/versions").add(r.version()));
            out.println(n.put("index", f.index().source().location()));
        }
        return 0;
    }

    private static int importMelody(Options o, PrintStream out, PrintStream err) throws IOException, IndexException {
        String spec = o.one("ID[@VERSION]");
        String id = spec.contains("@") ? spec.substring(0, spec.indexOf('@')) : spec;
        String version = spec.contains("@") ? spec.substring(spec.indexOf('@') + 1) : null;
        Marketplace.FoundMelody found = marketplace(err).findMelody(id, version).orElseThrow(() -> new IllegalArgumentException(
                "no index lists the Melody " + spec + " (indexes: the \"" + Marketplace.SETTING + "\" setting)"));
        Path to = Path.of(o.values().getOrDefault("to", id + ".melody.json"));
        err.println("Importing " + id + " " + found.release().version() + " from " + found.index().source().location());
        MelodyImporter.Imported done = MelodyImporter.importMelody(found, SymphonyPaths.resolve(), installedVersions(), extension -> {
            err.println(id + " needs the extension " + extension + ", which is not installed: installing it from the indexes");
            List<String> install = new ArrayList<>(List.of("install", extension));
            if (o.yes()) {
                install.add("--yes");
            }
            return ExtCommand.run(install.toArray(String[]::new), err, err) == 0;
        }, to);
        ObjectNode n = JSON.createObjectNode().put("imported", id).put("version", done.meta().version())
                .put("file", done.written().toString()).put("kept", done.copy().toString()).put("unchanged", done.unchanged());
        done.installed().forEach(n.putArray("installed")::add);
        out.println(n);
        return 0;
    }

    private static int history(Options o, PrintStream out) throws IOException {
        String id = o.one("Melody id");
        MelodyLibrary library = new MelodyLibrary(SymphonyPaths.resolve().data("polyphony"));
        for (MelodyLibrary.Entry e : library.history(id)) {
            out.println(JSON.createObjectNode().put("id", id).put("version", e.version()).put("sha256", e.sha256())
                    .put("publisher", e.publisher()).put("fingerprint", e.fingerprint()).put("index", e.index())
                    .put("imported", e.imported()).put("file", library.copy(id, e.version()).toString()));
        }
        return 0;
    }

    private static Marketplace marketplace(PrintStream err) {
        return Marketplace.load(SymphonyPaths.resolve(), problem -> err.println("symphony melody: " + problem));
    }

    private static void requires(ArrayNode into, List<MelodyListing.Requirement> requires) {
        requires.forEach(r -> into.addObject().put("extension", r.extension()).put("range", r.range()));
    }

    /** The extensions this machine has (installed, bundled, source checkout), by id. */
    static Map<String, String> installedVersions() {
        Map<String, String> out = new TreeMap<>();
        try (Kernel kernel = Kernel.start(KernelContext.standard())) {
            for (Player p : kernel.players()) {
                if (p.manifest() != null) {
                    out.put(p.id(), p.manifest().version());
                }
            }
        }
        return out;
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
