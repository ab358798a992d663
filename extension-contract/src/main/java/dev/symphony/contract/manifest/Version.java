package dev.symphony.contract.manifest;

/** A {@code major.minor.patch[-qualifier]} version; a qualified version sorts before the plain one. */
public record Version(int major, int minor, int patch, String qualifier) implements Comparable<Version> {

    public static Version parse(String text) {
        String core = text;
        String qualifier = "";
        int dash = text.indexOf('-');
        if (dash >= 0) {
            core = text.substring(0, dash);
            qualifier = text.substring(dash + 1);
        }
        String[] parts = core.split("\\.");
        try {
            return new Version(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                    parts.length > 2 ? Integer.parseInt(parts[2]) : 0, qualifier);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a version: " + text, e);
        }
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
