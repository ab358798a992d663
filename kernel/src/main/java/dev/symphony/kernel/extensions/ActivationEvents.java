package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Acts on the manifest's activation events other than {@code onStartup}: {@code onCommand:ID}, {@code onView:ID},
 * {@code onFileType:EXT}, {@code onMelody} and {@code workspaceContains:GLOB}. Each {@code fire} starts the hosts of
 * the enabled extensions that declare the event and are not running yet; nothing starts until an event happens.
 */
public final class ActivationEvents {
    /** How far {@code workspaceContains} looks: VS Code bounds its search the same way, so a huge tree costs little. */
    static final int MAX_DEPTH = 4;
    static final int MAX_ENTRIES = 20_000;
    private final Kernel kernel;

    public ActivationEvents(Kernel kernel) {
        this.kernel = kernel;
    }

    public static String command(String id) {
        return "onCommand:" + id;
    }

    public static String view(String id) {
        return "onView:" + id;
    }

    /** The event of opening {@code file}: {@code onFileType:} and its extension, lower case (empty: none). */
    public static String fileType(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return "onFileType:" + (dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** A Melody ({@code *.melody.json}) is opened in the workbench: its node kinds' extensions may start warming up. */
    public static final String MELODY = "onMelody";

    /**
     * The events of opening {@code file} in the workbench: its {@link #fileType}, and {@link #MELODY} too for a
     * {@code *.melody.json} file (the name the Harmony Board opens, case-sensitive as there).
     */
    public static List<String> opened(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith(".melody.json") ? List.of(fileType(file), MELODY) : List.of(fileType(file));
    }

    /** The ids of extensions in {@code catalogue} that declare {@code event}. */
    public static List<String> declaring(List<ExtensionManifest> catalogue, String event) {
        return catalogue.stream().filter(m -> m.activation().stream().anyMatch(a -> a.equalsIgnoreCase(event)))
                .map(ExtensionManifest::id).toList();
    }

    /** Starts the hosts of the usable extensions declaring {@code event}; returns the ids started now. */
    public List<String> fire(String event) {
        return start(declaring(kernel.catalogue(), event));
    }

    /**
     * Starts the extensions whose {@code workspaceContains:GLOB} matches a path (relative, {@code /}-separated) in
     * {@code workspace}, looking {@link #MAX_DEPTH} levels and {@link #MAX_ENTRIES} entries deep. Call it off the
     * JavaFX thread: it walks the disk.
     */
    public List<String> workspaceOpened(Path workspace) throws IOException {
        List<String> ids = new ArrayList<>();
        for (ExtensionManifest m : kernel.catalogue()) {
            for (String a : m.activation()) {
                if (a.startsWith("workspaceContains:") && contains(workspace, a.substring(18))) {
                    ids.add(m.id());
                    break;
                }
            }
        }
        return start(ids);
    }

    static boolean contains(Path workspace, String glob) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        boolean[] found = {false};
        int[] seen = {0};
        Files.walkFileTree(workspace, java.util.Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return visit(dir);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                return visit(file);
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }

            private FileVisitResult visit(Path p) {
                if (!p.equals(workspace) && matcher.matches(workspace.relativize(p))) {
                    found[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                return ++seen[0] > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        return found[0];
    }

    private List<String> start(List<String> ids) {
        List<String> started = new ArrayList<>();
        for (String id : ids) {
            Player p = kernel.player(id).orElse(null);
            if (p != null && p.state() == PlayerState.VALIDATED && p.hostPid() < 0) {
                try {
                    kernel.activate(id);
                    started.add(id);
                } catch (RuntimeException e) {
                    kernel.audit().record("kernel", "ext.activate", id, false, e.getMessage());
                }
            }
        }
        return started;
    }
}
