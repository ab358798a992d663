package dev.symphony.conductor.melody;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error as a person reads it: {@code FILE:LINE:COLUMN}, the JSON path of the value being read
 * and what is wrong, in words rather than Jackson's internals (no "[Source: REDACTED …]", no character codes).
 */
final class JsonSyntax {
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern CHAR_CODE = Pattern.compile("\\('(.+?)' \\(code \\d+\\)\\)");
    private static final Pattern CLOSE_MARKER = Pattern.compile(
            "Unexpected end-of-input: expected close marker for (Array|Object) \\(opened at (line \\d+, column \\d+)\\)");

    private JsonSyntax() {
    }

    /** The problem for {@code e}, which {@code parser} raised reading the text of {@code source}. */
    static Problem problem(String source, JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation();
        String where = source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr());
        String path = parser == null ? "$" : path(parser.getParsingContext());
        return new Problem(path, "not valid JSON at " + where + ": " + words(e.getOriginalMessage()));
    }

    /** Reads {@code text} token by token to find where the syntax breaks; null if it does not (then the tree reader's error stands). */
    static Problem firstProblem(String source, String text, com.fasterxml.jackson.core.JsonFactory factory) {
        try (JsonParser p = factory.createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            try {
                while (p.nextToken() != null) {
                    p.finishToken();
                }
                return null;
            } catch (JsonProcessingException e) {
                return problem(source, e, p);
            }
        } catch (IOException e) {
            return null;
        }
    }

    static String path(JsonStreamContext c) {
        StringBuilder out = new StringBuilder();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                String name = c.getCurrentName();
                out.insert(0, name.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? "." + name : "['" + name.replace("'", "\\'") + "']");
            } else if (c.inArray() && c.getEntryCount() > 0) {
                out.insert(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        return "$" + out;
    }

    static String words(String jackson) {
        String m = jackson == null ? "malformed" : jackson;
        m = START_MARKER.matcher(m).replaceAll(" (opened at line $1, column $2)");
        m = CHAR_CODE.matcher(m).replaceAll("'$1'");
        Matcher close = CLOSE_MARKER.matcher(m);
        if (close.matches()) {
            return "the file ends before the " + (close.group(1).equals("Array") ? "array" : "object") + " opened at "
                    + close.group(2) + " is closed";
        }
        int source = m.indexOf("\n at [Source");
        return source >= 0 ? m.substring(0, source) : m;
    }
}
