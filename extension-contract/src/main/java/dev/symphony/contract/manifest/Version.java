package dev.symphony.contract.manifest;

/** A {@code major.minor.patch[-qualifier]} version; a qualified version sorts before the plain one. */
public record Version(int major, int minor, int patch, String qualifier) implements Comparable<Version> {

    private static final java.util.regex.Pattern SHAPE =
            java.util.regex.Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:-([0-9A-Za-z.-]+))?");

    /** Parses {@code 1}, {@code 1.2}, {@code 1.2.3} or {@code 1.2.3-qualifier}; anything else is refused, naming it. */
    public static Version parse(String text) {
        var m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a version: '" + text + "' (expected MAJOR.MINOR.PATCH, e.g. 1.0.0)");
        }
        return new Version(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4));
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c == 0 && !qualifier.equals(o.qualifier)) {
            c = qualifier.isEmpty() ? 1 : o.qualifier.isEmpty() ? -1 : qualifier.compareTo(o.qualifier);
        }
        return c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (qualifier.isEmpty() ? "" : "-" + qualifier);
    }
}
