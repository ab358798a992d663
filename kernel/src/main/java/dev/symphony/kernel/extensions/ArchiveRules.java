package dev.symphony.kernel.extensions;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an archive entry may be, decided from the central directory before any byte is unpacked:
 * a plain file or folder with a relative, canonical name ({@code a/b/c}; no {@code ..}, {@code .},
 * empty segment, backslash, drive letter, colon, control character or Windows device name), unique
 * even when case and Unicode normalization are ignored (a case-insensitive disk would merge two
 * such entries), and within the count and declared-size caps. The real size is capped again while
 * unpacking ({@link SafeUnpacker}): declared sizes are what a compression bomb lies about.
 */
final class ArchiveRules {
    /** Caps on one archive; tests use small ones. */
    record Limits(long maxUnpackedBytes, int maxEntries, long maxManifestBytes) {
        static final Limits DEFAULT = new Limits(512L << 20, 20_000, 1 << 20);
    }

    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private static final int MAX_NAME_CHARS = 1024;

    private ArchiveRules() {
    }

    /** Throws naming the first entry that breaks a rule. */
    static void check(String archive, List<ZipInspector.Entry> entries, Limits limits) throws InstallException {
        if (entries.size() > limits.maxEntries()) {
            throw refused(archive, "it has " + entries.size() + " entries, more than the " + limits.maxEntries() + " allowed");
        }
        Map<String, String> seen = new HashMap<>();
        long declared = 0;
        for (ZipInspector.Entry e : entries) {
            String name = e.name();
            switch (e.type()) {
                case SYMBOLIC_LINK -> throw refused(archive, "entry " + name + " is a symbolic link (links are not accepted)");
                case SPECIAL -> throw refused(archive, "entry " + name + " is not a plain file or folder (device, pipe, socket or inconsistent mode)");
                default -> { }
            }
            String problem = nameProblem(name);
            if (problem != null) {
                throw refused(archive, "entry " + name + " " + problem);
            }
            String key = key(name);
            String earlier = seen.putIfAbsent(key, name);
            if (earlier != null) {
                throw refused(archive, earlier.equals(name) ? "entry " + name + " appears twice"
                        : "entries " + earlier + " and " + name + " differ only in letter case or Unicode form");
            }
            declared += e.declaredSize();
            if (declared > limits.maxUnpackedBytes()) {
                throw refused(archive, "it declares more than " + megabytes(limits.maxUnpackedBytes()) + " unpacked");
            }
        }
        for (ZipInspector.Entry e : entries) { // a file cannot also be a folder: "a" and "a/b"
            String key = key(e.name());
            for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
                String parent = seen.get(key.substring(0, slash));
                if (parent != null && !parent.endsWith("/")) {
                    throw refused(archive, "entry " + e.name() + " lies inside " + parent + ", which is a file");
                }
            }
        }
    }

    /** Null when the name is a relative canonical path, else what is wrong with it. */
    static String nameProblem(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            return "has an empty or over-long name";
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            return "is an absolute path";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                return "contains a character that is not allowed in a file name (" + String.format("U+%04X", (int) c) + ")";
            }
        }
        for (String segment : stripSlash(name).split("/", -1)) {
            if (segment.equals("..")) {
                return "escapes the extension folder (..)";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "is not a canonical path (empty or '.' segment)";
            }
            String base = segment.toLowerCase(Locale.ROOT);
            int dot = base.indexOf('.');
            if (WINDOWS_DEVICES.contains(dot < 0 ? base : base.substring(0, dot)) || segment.endsWith(".") || segment.endsWith(" ")) {
                return "uses a name Windows reserves or alters (" + segment + ")";
            }
        }
        return null;
    }

    /** The name as a case-insensitive, normalizing disk sees it. */
    private static String key(String name) {
        return Normalizer.normalize(stripSlash(name), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    static String stripSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    static InstallException refused(String archive, String why) {
        return new InstallException(2, "refusing " + archive + ": " + why);
    }
}
