package dev.symphony.editor.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A parsed replacement string with {@link java.util.regex.Matcher#appendReplacement} syntax ({@code $1},
 * {@code ${name}}, {@code \$} for a literal dollar), validated against the pattern's groups up front so
 * a bad reference is reported before anything is written.
 */
public final class ReplacementTemplate {

    /** A {@code ${name}} reference (kept apart from literal text parts). */
    private record GroupName(String name) {
    }

    private final List<Object> parts = new ArrayList<>();
    private final String literal;

    private ReplacementTemplate(String template, Pattern pattern) {
        int groups = pattern.matcher("").groupCount();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '\\') {
                if (i + 1 >= template.length()) {
                    throw new IllegalArgumentException("replacement ends with a lone backslash");
                }
                text.append(template.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                if (i + 1 >= template.length()) {
                    throw new IllegalArgumentException("replacement ends with a lone '$' (write \\$ for a dollar sign)");
                }
                Object ref;
                if (template.charAt(i + 1) == '{') {
                    int close = template.indexOf('}', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed ${ in replacement at index " + i);
                    }
                    String name = template.substring(i + 2, close);
                    if (!pattern.pattern().contains("(?<" + name + ">")) {
                        throw new IllegalArgumentException("replacement refers to group '" + name
                                + "' but the pattern has no group of that name");
                    }
                    ref = new GroupName(name);
                    i = close + 1;
                } else {
                    int j = i + 1;
                    if (!Character.isDigit(template.charAt(j))) {
                        throw new IllegalArgumentException("illegal group reference '$" + template.charAt(j)
                                + "' in replacement at index " + i + " (write \\$ for a dollar sign)");
                    }
                    int g = template.charAt(j++) - '0';
                    // Like Matcher: take more digits only while the number still names a group.
                    while (j < template.length() && Character.isDigit(template.charAt(j))
                            && g * 10 + (template.charAt(j) - '0') <= groups) {
                        g = g * 10 + (template.charAt(j++) - '0');
                    }
                    if (g > groups) {
                        throw new IllegalArgumentException("replacement refers to group " + g + " but the pattern has "
                                + groups + " group" + (groups == 1 ? "" : "s"));
                    }
                    ref = g;
                    i = j;
                }
                if (text.length() > 0) {
                    parts.add(text.toString());
                    text.setLength(0);
                }
                parts.add(ref);
            } else {
                text.append(c);
                i++;
            }
        }
        if (text.length() > 0) {
            parts.add(text.toString());
        }
        // A plain loop, no stream: `symphony edit --replace` runs this once in a cold JVM, where a stream
        // pipeline and its lambdas cost more class loading and bootstrapping than the whole parse.
        StringBuilder all = new StringBuilder();
        for (Object part : parts) {
            if (!(part instanceof String)) {
                all = null;
                break;
            }
            all.append((String) part);
        }
        literal = all == null ? null : all.toString();
    }

    public static ReplacementTemplate parse(String template, Pattern pattern) {
        return new ReplacementTemplate(template, pattern);
    }

    /** Appends the expansion for {@code m}, whose offsets index {@code input}. */
    public void expand(MatchResult m, CharSequence input, StringBuilder out) {
        if (literal != null) {
            out.append(literal);
            return;
        }
        for (Object p : parts) {
            if (p instanceof String) {
                out.append((String) p);
            } else if (p instanceof Integer) {
                int g = (Integer) p;
                if (m.start(g) >= 0) {
                    out.append(input, m.start(g), m.end(g));
                }
            } else {
                String name = ((GroupName) p).name();
                String value = ((java.util.regex.Matcher) m).group(name);
                if (value != null) {
                    out.append(value);
                }
            }
        }
    }
}
