import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which JDK builds the installers (build-installers.sh runs this as a single-file program on the JDK that runs
 * Maven, which may be 17; it ships in no package). The bundled runtime needs JDK 22 or newer: its AOT cache must
 * stay valid when the payload moves to its install folder, and JDK 17's class-data archives refuse a moved class
 * path. So that {@code mvn -B -Pinstallers -DskipTests package} works as it stands on a machine whose Maven runs
 * on 17 beside a newer JDK, the newest JDK 22+ with {@code jpackage} is looked for in the usual folders.
 * <p>
 * {@code java InstallerJdk.java --jdk=REQUESTED MAVEN_JAVA_HOME [FOLDER...]}: prints the JDK's home. An
 * {@code installer.jdk} that was given (REQUESTED not empty) is used or refused, never replaced; otherwise
 * Maven's own JDK when it is new enough, else the newest one found in the FOLDERs (default: this system's usual
 * places). Exit 1, naming what was found and where it looked, when there is none.
 */
public final class InstallerJdk {
    static final int NEEDED = 22;
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)(?:\\.(\\d+))?");

    record Jdk(Path home, int feature) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !args[0].startsWith("--jdk=")) {
            System.err.println("usage: InstallerJdk --jdk=[REQUESTED] MAVEN_JAVA_HOME [FOLDER...]");
            System.exit(2);
        }
        String requested = args[0].substring("--jdk=".length()).trim();
        Path maven = Path.of(args[1]);
        List<Path> folders = args.length > 2 ? List.of(args).subList(2, args.length).stream().map(Path::of).toList() : usualFolders();
        try {
            Jdk chosen = choose(requested, maven, folders);
            if (requested.isEmpty() && !chosen.home().equals(maven)) {
                System.err.println("installers: using JDK " + chosen.feature() + " from " + chosen.home() + " for the bundled runtime ("
                        + "Maven runs on " + describe(maven) + "; -Dinstaller.jdk=JDK_HOME picks another)");
            }
            System.out.println(chosen.home());
        } catch (IllegalStateException e) {
            System.err.println("installers: " + e.getMessage());
            System.exit(1);
        }
    }

    static Jdk choose(String requested, Path maven, List<Path> folders) throws IOException {
        if (!requested.isEmpty()) {
            Path home = Path.of(requested);
            Jdk jdk = read(home).orElseThrow(() -> new IllegalStateException("-Dinstaller.jdk=" + requested
                    + " is not a JDK with jpackage (no bin/jpackage or no release file there)"));
            if (jdk.feature() < NEEDED) {
                throw new IllegalStateException(tooOld(jdk) + "; -Dinstaller.jdk=" + requested + " names it");
            }
            return jdk;
        }
        Optional<Jdk> own = read(maven);
        if (own.isPresent() && own.get().feature() >= NEEDED) {
            return own.get();
        }
        List<Jdk> found = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (var children = Files.list(folder)) {
                for (Path child : children.sorted().toList()) {
                    read(child).or(() -> read(child.resolve("Contents/Home"))).ifPresent(found::add);
                }
            }
        }
        return found.stream().filter(j -> j.feature() >= NEEDED)
                .max(Comparator.comparingInt(Jdk::feature).thenComparing(j -> j.home().toString()))
                .orElseThrow(() -> new IllegalStateException("the bundled runtime needs JDK " + NEEDED + " or newer with jpackage: "
                        + "Maven runs on " + describe(maven) + ", and " + (found.isEmpty() ? "no other JDK" : "only "
                        + found.stream().map(j -> "JDK " + j.feature() + " (" + j.home() + ")").toList()) + " was found in "
                        + folders + ". Install one (Temurin 25) or run with -Dinstaller.jdk=/path/to/jdk-25"));
    }

    /** The JDK at {@code home}: its feature version from the {@code release} file, when it has jpackage. */
    static Optional<Jdk> read(Path home) {
        Path release = home.resolve("release");
        boolean jpackage = Files.isRegularFile(home.resolve("bin/jpackage")) || Files.isRegularFile(home.resolve("bin/jpackage.exe"));
        if (!jpackage || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            if (!m.find()) {
                return Optional.empty();
            }
            int first = Integer.parseInt(m.group(1));
            return Optional.of(new Jdk(home, first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String tooOld(Jdk jdk) {
        return "the bundled runtime needs JDK " + NEEDED + " or newer (its AOT cache must stay valid when the payload moves to "
                + "its install folder, which JDK 17 does not allow), and " + jdk.home() + " is JDK " + jdk.feature();
    }

    private static String describe(Path home) {
        return read(home).map(j -> "JDK " + j.feature()).orElse("a JDK without jpackage") + " (" + home + ")";
    }

    /** Where JDKs are installed: Debian/Ubuntu and Fedora, macOS, Windows' usual vendors, and $JAVA_HOME's folder. */
    static List<Path> usualFolders() {
        List<Path> folders = new ArrayList<>(List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines")));
        for (String vendor : List.of("Java", "Eclipse Adoptium", "Microsoft", "Zulu")) {
            folders.add(Path.of("C:\\Program Files", vendor));
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank() && Path.of(javaHome).getParent() != null) {
            folders.add(Path.of(javaHome).getParent());
        }
        return folders;
    }
}
