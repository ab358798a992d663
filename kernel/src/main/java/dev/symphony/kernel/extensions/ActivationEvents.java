package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
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
        kernel.trace().mark("activation.searched", System.nanoTime());
        return start(ids);
    }

    /**
     * Level by level (breadth first), so what sits at the top ({@code .git}, {@code pom.xml}) is found however large the
     * folders beside it are: a depth-first walk in the disk's order could spend its {@link #MAX_ENTRIES} inside a
     * 100,000-file {@code src} before it reached {@code .git}, and Git never activated. A glob without wildcards is one
     * existence check.
     */
    static boolean contains(Path workspace, String glob) throws IOException {
        if (glob.chars().noneMatch(c -> "*?[]{}\\".indexOf(c) >= 0)) {
            Path literal = workspace.resolve(glob).normalize();
            return literal.startsWith(workspace) && !literal.equals(workspace) && Files.exists(literal, LinkOption.NOFOLLOW_LINKS);
        }
        PathMatcher deep = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        // "**/pom.xml" also matches a pom.xml at the top, as in VS Code (Java's glob wants a "/" before it)
        PathMatcher top = glob.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)) : p -> false;
        PathMatcher matcher = p -> deep.matches(p) || top.matches(p);
        List<Path> level = List.of(workspace);
        int seen = 0;
        for (int depth = 1; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
            List<Path> next = new ArrayList<>();
            for (Path dir : level) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path p : entries) {
                        if (matcher.matches(workspace.relativize(p))) {
                            return true;
                        }
                        if (++seen > MAX_ENTRIES) {
                            return false;
                        }
                        if (depth < MAX_DEPTH && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                            next.add(p);
                        }
                    }
                } catch (IOException | DirectoryIteratorException e) {
                    // an unreadable folder is skipped, as the walk did
                }
            }
            level = next;
        }
        return false;
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
