package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestException;
import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.ipc.api.BusPaths;
import dev.symphony.kernel.bus.HostClasspath;
import dev.symphony.kernel.extensions.ArchiveInstaller;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.InstallException;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.marketplace.IndexBuilder;
import dev.symphony.kernel.marketplace.IndexException;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.signing.ArchivePacker;
import dev.symphony.kernel.signing.ArchiveSigner;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.SignatureException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * For authors: {@code ext create --kind operator|instrument|addon NAME [--publisher P] [--dir PARENT]} scaffolds a
 * Maven project against the SDK with a passing test, {@code ext test DIR} builds it (offline), runs its tests (the
 * SDK's harness) and then every call of its {@code calls.json} through a real extension host, and
 * {@code ext publish DIR --key FILE --index FOLDER} signs the tested archive into an index folder and rebuilds the index.
 */
final class ExtAuthorCommands {
    static final String USAGE = "symphony ext create --kind operator|instrument|addon NAME [--publisher P] [--dir PARENT]"
            + " | test DIR | publish DIR --key FILE --index FOLDER";
    static final String MAVEN_PROPERTY = "symphony.mvn";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON equality in which 3 and 3L are one number, as in the scaffold's own test (an int may come back widened). */
    private static final java.util.Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    private ExtAuthorCommands() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        try {
            return switch (args[0]) {
                case "create" -> create(args, out, err);
                case "test" -> args.length == 2 ? test(Path.of(args[1]), out, err) : usage(err, "test needs exactly a DIR");
                default -> publish(args, out, err);
            };
        } catch (ManifestException | SignatureException | IndexException | InstallException e) {
            err.println("symphony ext " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("symphony ext: " + problem);
        err.println("usage: " + USAGE);
        return 2;
    }

    private static String option(String[] args, String name) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    // ---- create -------------------------------------------------------------------------------------------------

    static int create(String[] args, PrintStream out, PrintStream err) throws IOException {
        String kind = option(args, "--kind");
        String name = args.length > 1 ? args[args.length - 1] : null;
        if (kind == null || !List.of("operator", "instrument", "addon").contains(kind) || name == null || name.startsWith("-")
                || !name.matches("[a-z][a-z0-9-]{0,63}")) {
            return usage(err, "create needs --kind operator|instrument|addon and a NAME (lower case letters, digits, '-')");
        }
        String publisher = option(args, "--publisher") == null ? "me" : option(args, "--publisher");
        Path dir = Path.of(option(args, "--dir") == null ? "." : option(args, "--dir")).resolve(name);
        if (Files.exists(dir)) {
            err.println("symphony ext create: " + dir + " exists; choose another NAME or --dir");
            return 1;
        }
        String cls = className(name);
        String pkg = "ext." + name.replace("-", "");
        String id = publisher.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "") + "." + name;
        Path src = Files.createDirectories(dir.resolve("src/main/java").resolve(pkg.replace('.', '/')));
        Path test = Files.createDirectories(dir.resolve("src/test/java").resolve(pkg.replace('.', '/')));
        java.util.Map<String, String> vars = new java.util.HashMap<>(versions());
        vars.put("GROUP", publisher.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", ""));
        vars.put("NAME", name);
        vars.put("ID", id);
        vars.put("CLASS", cls);
        vars.put("PACKAGE", pkg);
        vars.put("SDK_DEPENDENCIES", sdkDependencies());
        String template = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + ".java.txt";
        Files.writeString(dir.resolve("pom.xml"), fill("pom.xml.txt", vars));
        Files.writeString(src.resolve(cls + ".java"), fill(template, vars));
        Files.writeString(test.resolve(cls + "Test.java"), fill("ExtensionTest.java.txt", vars));
        Files.writeString(dir.resolve(ManifestReader.FILE_NAME), manifest(kind, id, publisher, name, pkg + "." + cls).toPrettyString() + "\n");
        Files.writeString(dir.resolve("calls.json"), calls(kind).toPrettyString() + "\n");
        out.println(JSON.createObjectNode().put("created", dir.toString()).put("id", id).put("kind", kind));
        err.println("Next: symphony ext test " + dir + "   then: symphony ext publish " + dir + " --key KEY --index FOLDER");
        return 0;
    }

    static String className(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    private static ObjectNode manifest(String kind, String id, String publisher, String name, String entryClass) {
        ObjectNode m = JSON.createObjectNode().put("id", id).put("version", "0.1.0").put("publisher", publisher)
                .put("displayName", name).put("description", "A " + kind + " made with symphony ext create.").put("kind", kind)
                .put("entryClass", entryClass).put("engine", "[0.1.0,1.0.0)");
        m.putArray("categories").add("Examples");
        ObjectNode cap = m.putArray("capabilities").addObject();
        switch (kind) {
            case "operator" -> {
                cap.put("name", "greet").put("description", "Greets a name.");
                cap.putObject("input").put("type", "object").put("additionalProperties", false)
                        .<ObjectNode>set("required", JSON.createArrayNode().add("name"))
                        .putObject("properties").putObject("name").put("type", "string");
                cap.putObject("output").put("type", "object").putObject("properties").putObject("greeting").put("type", "string");
            }
            case "instrument" -> {
                cap.put("name", "echo").put("kind", "instrument").put("streaming", true).put("description", "Streams the prompt back word by word.");
                cap.putObject("input").put("type", "object").<ObjectNode>set("required", JSON.createArrayNode().add("prompt"))
                        .putObject("properties").putObject("prompt").put("type", "string");
                cap.putObject("output").put("type", "object");
            }
            default -> {
                cap.put("name", "panel").put("kind", "addon").put("description", "A counter view.");
                cap.putObject("input").put("type", "object");
                cap.putObject("output").put("type", "object").<ObjectNode>set("required", JSON.createArrayNode().add("id").add("component"));
            }
        }
        m.putObject("permissions");
        return m;
    }

    private static ArrayNode calls(String kind) {
        ArrayNode calls = JSON.createArrayNode();
        ObjectNode c = calls.addObject();
        switch (kind) {
            case "operator" -> {
                c.put("capability", "greet").putObject("input").put("name", "Ada");
                c.putObject("expect").put("greeting", "Hello, Ada!");
            }
            case "instrument" -> {
                c.put("capability", "echo").putObject("input").put("prompt", "one two three");
                c.putObject("expect").put("text", "one two three").put("tokens", 3);
            }
            default -> {
                c.put("capability", "panel").putObject("input").putObject("state").put("count", 2);
                c.putObject("expect").put("id", "root").put("component", "column");
            }
        }
        return calls;
    }

    /** The jars an extension host runs with (the SDK and what it brings), as system-scope dependencies. */
    static String sdkDependencies() {
        StringBuilder b = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String entry : sdkClasspath()) {
            Path jar = Path.of(entry).toAbsolutePath();
            String artifact = jar.getFileName().toString().replaceAll("\\.jar$", "").replaceAll("[^A-Za-z0-9._-]", "_");
            if (!Files.isRegularFile(jar) || !seen.add(artifact)) {
                continue;
            }
            b.append("    <dependency><groupId>symphony-sdk</groupId><artifactId>").append(artifact)
                    .append("</artifactId><version>0</version><scope>system</scope><systemPath>")
                    .append(jar.toString().replace("&", "&amp;").replace("<", "&lt;")).append("</systemPath></dependency>\n");
        }
        return b.toString();
    }

    private static List<String> sdkClasspath() {
        return List.of(HostClasspath.resolve().split(File.pathSeparator));
    }

    private static java.util.Map<String, String> versions() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ExtAuthorCommands.class.getResourceAsStream("scaffold/scaffold.properties")) {
            p.load(in);
        }
        java.util.Map<String, String> out = new java.util.HashMap<>();
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    private static String fill(String template, java.util.Map<String, String> vars) throws IOException {
        String text;
        try (InputStream in = ExtAuthorCommands.class.getResourceAsStream("scaffold/" + template)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (var e : vars.entrySet()) {
            text = text.replace("@" + e.getKey() + "@", e.getValue());
        }
        return text;
    }

    // ---- test ---------------------------------------------------------------------------------------------------

    static int test(Path dir, PrintStream out, PrintStream err) throws IOException, ManifestException, InstallException {
        String mvn = System.getProperty(MAVEN_PROPERTY, "mvn");
        err.println("symphony ext test: " + mvn + " -o -B -q package in " + dir);
        ProcessBuilder build = new ProcessBuilder(mvn, "-o", "-B", "-q", "package").directory(dir.toFile()).redirectErrorStream(true);
        Process p = build.start();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(err);
        }
        try {
            if (p.waitFor() != 0) {
                err.println("symphony ext test: the build or its tests failed (above)");
                return 1;
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            return 1;
        }
        Path archive = stage(dir);
        err.println("symphony ext test: the harness tests passed; now through a real extension host: " + archive);
        Path home = Files.createTempDirectory("symphony-ext-test");
        // a generous hang timeout: an author's machine is often busy (the build just ran), and this checks answers, not latency
        try (Kernel kernel = Kernel.start(new KernelContext().paths(SymphonyPaths.under(home)).hangTimeout(java.time.Duration.ofSeconds(10)))) {
            ArchiveInstaller installer = new ArchiveInstaller(kernel.store());
            installer.commit(installer.prepare(archive, null));
            ExtensionManifest m = manifest(dir);
            kernel.store().trust(m.id(), m.version()); // the author's own build, in a throwaway home
            kernel.discoverNew();
            int failed = 0;
            for (JsonNode call : JSON.readTree(dir.resolve("calls.json").toFile())) {
                String capability = call.path("capability").asText();
                ObjectNode line = JSON.createObjectNode().put("capability", capability);
                try {
                    JsonNode output = kernel.call(new CapabilityCall("ext-test", m.id(), capability, call.path("input"))).output();
                    line.set("output", output);
                    List<String> wrong = new ArrayList<>();
                    call.path("expect").fields().forEachRemaining(e -> {
                        if (!e.getValue().equals(SAME_VALUE, output.path(e.getKey()))) {
                            wrong.add(e.getKey());
                        }
                    });
                    line.put("ok", wrong.isEmpty());
                    if (!wrong.isEmpty()) {
                        line.put("problem", "not as expected: " + String.join(", ", wrong));
                    }
                } catch (RuntimeException e) {
                    line.put("ok", false).put("problem", String.valueOf(e.getMessage()));
                }
                failed += line.path("ok").asBoolean() ? 0 : 1;
                out.println(line);
            }
            if (failed > 0 && Files.isRegularFile(kernel.logFile(m.id()))) {
                List<String> log = Files.readAllLines(kernel.logFile(m.id()));
                err.println("symphony ext test: the host's log (last lines):");
                log.subList(Math.max(0, log.size() - 30), log.size()).forEach(l -> err.println("  " + l));
            }
            return failed == 0 ? 0 : 1;
        } finally {
            BusPaths.deleteRecursively(home);
        }
    }

    private static ExtensionManifest manifest(Path dir) throws IOException, ManifestException {
        Path file = dir.resolve(ManifestReader.FILE_NAME);
        return ManifestReader.read(Files.readAllBytes(file), file.toString());
    }

    /** The installable layout (manifest, classes/) under target/, packed into target/ID-VERSION.zip. */
    static Path stage(Path dir) throws IOException, ManifestException {
        Path staged = dir.resolve("target/symphony-extension");
        BusPaths.deleteRecursively(staged);
        Files.createDirectories(staged);
        Files.copy(dir.resolve(ManifestReader.FILE_NAME), staged.resolve(ManifestReader.FILE_NAME));
        Path classes = dir.resolve("target/classes");
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.toList()) {
                Path to = staged.resolve("classes").resolve(classes.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        ExtensionManifest m = manifest(dir);
        return ArchivePacker.pack(staged, dir.resolve("target").resolve(m.id() + "-" + m.version() + ".zip")).archive();
    }

    // ---- publish ------------------------------------------------------------------------------------------------

    static int publish(String[] args, PrintStream out, PrintStream err)
            throws IOException, ManifestException, SignatureException, IndexException {
        String key = option(args, "--key");
        String index = option(args, "--index");
        if (args.length != 6 || key == null || index == null) {
            return usage(err, "publish needs a DIR, --key FILE and --index FOLDER");
        }
        Path dir = Path.of(args[1]);
        ExtensionManifest m = manifest(dir);
        Path tested = dir.resolve("target").resolve(m.id() + "-" + m.version() + ".zip");
        if (!Files.isRegularFile(tested)) {
            err.println("symphony ext publish: " + tested + " does not exist: run `symphony ext test " + dir + "` first");
            return 1;
        }
        PublisherKey publisherKey = PublisherKey.read(Path.of(key));
        if (!publisherKey.publisher().equals(m.publisher())) {
            err.println("symphony ext publish: the key is " + publisherKey.publisher() + "'s but the manifest's publisher is " + m.publisher());
            return 2;
        }
        Path folder = Files.createDirectories(Path.of(index));
        Path published = folder.resolve(tested.getFileName());
        Files.copy(tested, published, StandardCopyOption.REPLACE_EXISTING);
        ArchiveSigner.sign(published, publisherKey);
        var built = IndexBuilder.build(folder, publisherKey);
        out.println(JSON.createObjectNode().put("published", m.id()).put("version", m.version()).put("archive", published.toString())
                .put("index", folder.resolve(IndexBuilder.INDEX).toString()).put("extensions", built.extensions().size()));
        return 0;
    }
}
