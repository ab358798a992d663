package dev.symphony.kernel.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.manifest.Version;
import dev.symphony.contract.manifest.VersionRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Melody an index lists (Polyphony): id, name, publisher, description, categories, and its releases — per
 * version the signed Melody package's file name, size and SHA-256, and the extensions its nodes call, each with the
 * oldest version it needs. Read as strictly as the extensions beside it.
 */
public record MelodyListing(String id, String displayName, String publisher, String description, List<String> categories,
                            List<Release> releases) {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,199}\\.zip");
    static final long MAX_PACKAGE_BYTES = 8L << 20;

    /** An extension a Melody's nodes call, and the versions of it that will do. */
    public record Requirement(String extension, String range) {
        public boolean satisfiedBy(String version) {
            return VersionRange.parse(range).contains(Version.parse(version));
        }
    }

    public record Release(String version, String archive, long size, String sha256, List<Requirement> requires) {
    }

    public Optional<Release> newest() {
        return releases.stream().max(Comparator.comparing(r -> Version.parse(r.version())));
    }

    public Optional<Release> release(String version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    /** Matches {@code query} in the id, name, description or a category (case ignored), and {@code category} (null: any). */
    public boolean matches(String query, String category) {
        return ExtensionIndex.matches(query, category, id, displayName, description, categories, List.of());
    }

    /** The index's {@code melodies} list (absent: none); throws naming the JSON path of the first problem. */
    static List<MelodyListing> parseAll(JsonNode list, String where) throws IndexException {
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray() || list.size() > 10_000) {
            throw new IndexException(where + ": $.melodies is not a list of at most 10000 Melodies");
        }
        List<MelodyListing> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(parse(list.get(i), where + ": $.melodies[" + i + "]"));
        }
        return List.copyOf(out);
    }

    private static MelodyListing parse(JsonNode n, String at) throws IndexException {
        String id = ExtensionIndex.text(n, "id", at, ID);
        JsonNode versions = ExtensionIndex.versions(n, at);
        List<Release> releases = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            JsonNode r = versions.get(i);
            String rat = at + ".versions[" + i + "]";
            String version = ExtensionIndex.text(r, "version", rat, null);
            try {
                Version.parse(version);
            } catch (RuntimeException e) {
                throw new IndexException(rat + ".version: " + e.getMessage());
            }
            long size = ExtensionIndex.size(r, rat, MAX_PACKAGE_BYTES);
            releases.add(new Release(version, ExtensionIndex.text(r, "archive", rat, PACKAGE), size,
                    ExtensionIndex.text(r, "sha256", rat, ExtensionIndex.SHA), requirements(r.path("requires"), rat + ".requires")));
        }
        return new MelodyListing(id, n.path("displayName").asText(id), ExtensionIndex.text(n, "publisher", at, null),
                n.path("description").asText(""), ExtensionIndex.strings(n.path("categories")), List.copyOf(releases));
    }

    /** A {@code requires} list: [{extension, range}], at most 200. */
    static List<Requirement> requirements(JsonNode list, String at) throws IndexException {
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray() || list.size() > 200) {
            throw new IndexException(at + " is not a list of at most 200 {extension, range}");
        }
        List<Requirement> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String rat = at + "[" + i + "]";
            String extension = ExtensionIndex.text(list.get(i), "extension", rat, ID);
            String range = ExtensionIndex.text(list.get(i), "range", rat, null);
            try {
                VersionRange.parse(range);
            } catch (RuntimeException e) {
                throw new IndexException(rat + ".range: " + e.getMessage());
            }
            out.add(new Requirement(extension, range));
        }
        return List.copyOf(out);
    }

    static void writeRequirements(ArrayNode into, List<Requirement> requires) {
        requires.forEach(q -> into.addObject().put("extension", q.extension()).put("range", q.range()));
    }

    void write(ObjectNode n) {
        n.put("id", id).put("displayName", displayName).put("publisher", publisher).put("description", description);
        categories.forEach(n.putArray("categories")::add);
        ArrayNode versions = n.putArray("versions");
        for (Release r : releases) {
            ObjectNode v = versions.addObject().put("version", r.version()).put("archive", r.archive()).put("size", r.size())
                    .put("sha256", r.sha256());
            writeRequirements(v.putArray("requires"), r.requires());
        }
    }
}
