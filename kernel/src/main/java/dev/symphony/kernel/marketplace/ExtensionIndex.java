package dev.symphony.kernel.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.manifest.Version;
import dev.symphony.contract.manifest.VersionRange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an index lists: per extension its id, name, publisher, description, categories and capabilities, and its
 * releases (version, archive file, size, SHA-256, engine range, permissions); and the Melodies it offers
 * ({@link MelodyListing}). Read strictly — an index is hostile:
 * every field is checked and a problem is named with its JSON path.
 */
public record ExtensionIndex(List<Extension> extensions, List<MelodyListing> melodies) {
    static final String FORMAT = "symphony-index/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final Pattern ARCHIVE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,199}\\.zip");
    static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    static final long MAX_ARCHIVE_BYTES = 512L << 20;

    public record Extension(String id, String displayName, String publisher, String description, List<String> categories,
                            List<String> capabilities, List<Release> releases) {
        /** The newest release this engine can run. */
        public Optional<Release> newest(String engine) {
            return releases.stream().filter(r -> r.runsOn(engine)).max(Comparator.comparing(r -> Version.parse(r.version())));
        }

        public Optional<Release> release(String version) {
            return releases.stream().filter(r -> r.version().equals(version)).findFirst();
        }

        /** Matches {@code query} in the id, name, description, a category or a capability (case ignored). */
        public boolean matches(String query, String category) {
            return ExtensionIndex.matches(query, category, id, displayName, description, categories, capabilities);
        }
    }

    public record Release(String version, String archive, long size, String sha256, String engine, JsonNode permissions) {
        public boolean runsOn(String engine) {
            return VersionRange.parse(this.engine).contains(Version.parse(engine));
        }
    }

    public ExtensionIndex(List<Extension> extensions) {
        this(extensions, List.of());
    }

    public Optional<MelodyListing> findMelody(String id) {
        return melodies.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * A listing's search: {@code query} (null or empty: any) in the id, name, description, a category or another
     * term (case ignored), and {@code category} (null: any) among its categories.
     */
    static boolean matches(String query, String category, String id, String name, String description, List<String> categories,
                           List<String> terms) {
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        boolean text = q.isEmpty() || id.contains(q) || name.toLowerCase(Locale.ROOT).contains(q)
                || description.toLowerCase(Locale.ROOT).contains(q)
                || categories.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(q))
                || terms.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(q));
        return text && (category == null || categories.stream().anyMatch(c -> c.equalsIgnoreCase(category)));
    }

    public Optional<Extension> find(String id) {
        return extensions.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Reads an index document; throws naming the JSON path of the first problem. */
    public static ExtensionIndex parse(byte[] bytes, String where) throws IndexException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IndexException(where + " is not JSON: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IndexException(where + ": $.format is not '" + FORMAT + "'");
        }
        JsonNode list = root.path("extensions");
        if (!list.isArray() || list.size() > 10_000) {
            throw new IndexException(where + ": $.extensions is not a list of at most 10000 extensions");
        }
        List<Extension> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(extension(list.get(i), where + ": $.extensions[" + i + "]"));
        }
        return new ExtensionIndex(List.copyOf(out), MelodyListing.parseAll(root.path("melodies"), where));
    }

    private static Extension extension(JsonNode n, String at) throws IndexException {
        String id = text(n, "id", at, ID);
        JsonNode versions = versions(n, at);
        List<Release> releases = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            JsonNode r = versions.get(i);
            String rat = at + ".versions[" + i + "]";
            String version = text(r, "version", rat, null);
            String engine = text(r, "engine", rat, null);
            try {
                Version.parse(version);
                VersionRange.parse(engine);
            } catch (RuntimeException e) {
                throw new IndexException(rat + ": " + e.getMessage());
            }
            long size = size(r, rat, MAX_ARCHIVE_BYTES);
            JsonNode permissions = r.path("permissions");
            if (!permissions.isObject()) {
                throw new IndexException(rat + ".permissions is not an object");
            }
            releases.add(new Release(version, text(r, "archive", rat, ARCHIVE), size, text(r, "sha256", rat, SHA), engine, permissions));
        }
        return new Extension(id, n.path("displayName").asText(id), text(n, "publisher", at, null), n.path("description").asText(""),
                strings(n.path("categories")), strings(n.path("capabilities")), List.copyOf(releases));
    }

    /** A listing's {@code versions}: 1 to 1000 of them. */
    static JsonNode versions(JsonNode n, String at) throws IndexException {
        JsonNode versions = n.path("versions");
        if (!versions.isArray() || versions.isEmpty() || versions.size() > 1000) {
            throw new IndexException(at + ".versions is not a list of 1 to 1000 releases");
        }
        return versions;
    }

    /** A release's {@code size}: 1 to {@code max} bytes. */
    static long size(JsonNode r, String at, long max) throws IndexException {
        long size = r.path("size").asLong(-1);
        if (!r.path("size").canConvertToLong() || size <= 0 || size > max) {
            throw new IndexException(at + ".size is not between 1 and " + max);
        }
        return size;
    }

    static String text(JsonNode n, String field, String at, Pattern pattern) throws IndexException {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isEmpty() || v.asText().length() > 2000 || pattern != null && !pattern.matcher(v.asText()).matches()) {
            throw new IndexException(at + "." + field + " is missing or not valid" + (pattern == null ? "" : " (" + pattern + ")"));
        }
        return v.asText();
    }

    static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> {
            if (v.isTextual() && out.size() < 50) {
                out.add(v.asText());
            }
        });
        return List.copyOf(out);
    }

    /** The document for these extensions and Melodies. */
    static byte[] write(List<Extension> extensions, List<MelodyListing> melodies) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
        ArrayNode list = root.putArray("extensions");
        for (Extension e : extensions) {
            ObjectNode n = list.addObject().put("id", e.id()).put("displayName", e.displayName()).put("publisher", e.publisher())
                    .put("description", e.description());
            e.categories().forEach(n.putArray("categories")::add);
            ArrayNode caps = n.putArray("capabilities");
            e.capabilities().forEach(caps::add);
            ArrayNode versions = n.putArray("versions");
            for (Release r : e.releases()) {
                versions.addObject().put("version", r.version()).put("archive", r.archive()).put("size", r.size())
                        .put("sha256", r.sha256()).put("engine", r.engine()).set("permissions", r.permissions());
            }
        }
        if (!melodies.isEmpty()) {
            ArrayNode melodyList = root.putArray("melodies");
            melodies.forEach(m -> m.write(melodyList.addObject()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }
}
