package dev.symphony.contract.manifest;

/**
 * A Maven-style range: {@code [1.0.0,2.0.0)} (inclusive/exclusive bounds, either may be empty), or a
 * bare version meaning "this or newer".
 */
public record VersionRange(Version lower, boolean lowerInclusive, Version upper, boolean upperInclusive) {

    public static VersionRange parse(String text) {
        String t = text.trim();
        if (!t.startsWith("[") && !t.startsWith("(")) {
            return new VersionRange(Version.parse(t), true, null, false);
        }
        int comma = t.indexOf(',');
        if (comma < 0 || !(t.endsWith("]") || t.endsWith(")"))) {
            throw new IllegalArgumentException("not a version range: " + text);
        }
        String low = t.substring(1, comma).trim();
        String high = t.substring(comma + 1, t.length() - 1).trim();
        return new VersionRange(low.isEmpty() ? null : Version.parse(low), t.startsWith("["),
                high.isEmpty() ? null : Version.parse(high), t.endsWith("]"));
    }

    public boolean contains(Version v) {
        if (lower != null) {
            int c = v.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = v.compareTo(upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }
}
