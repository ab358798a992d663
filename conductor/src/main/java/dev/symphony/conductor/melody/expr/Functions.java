package dev.symphony.conductor.melody.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The only functions an expression can call: pure, bounded, no I/O. Regular expressions are limited in
 * length and the input they scan, so a Melody cannot stall the conductor with a pathological pattern.
 */
public final class Functions {
    public static final Set<String> NAMES = Set.of("len", "contains", "startsWith", "endsWith", "matches",
            "lower", "upper", "trim", "str", "num", "min", "max", "abs", "round", "coalesce", "words", "keys");
    private static final int MAX_REGEX = 200;
    private static final int MAX_SCAN = 100_000;

    private Functions() {
    }

    static JsonNode apply(String name, JsonNode[] a, int pos) {
        switch (name) {
            case "len":
                arity(name, a, 1, pos);
                return Values.number(a[0] == null || a[0].isNull() ? 0
                        : a[0].isTextual() ? a[0].textValue().length() : a[0].size());
            case "contains":
                arity(name, a, 2, pos);
                if (a[0] != null && a[0].isArray()) {
                    for (JsonNode e : a[0]) {
                        if (Values.equal(e, a[1])) {
                            return Values.bool(true);
                        }
                    }
                    return Values.bool(false);
                }
                return Values.bool(Values.asText(a[0]).contains(Values.asText(a[1])));
            case "startsWith":
                arity(name, a, 2, pos);
                return Values.bool(Values.asText(a[0]).startsWith(Values.asText(a[1])));
            case "endsWith":
                arity(name, a, 2, pos);
                return Values.bool(Values.asText(a[0]).endsWith(Values.asText(a[1])));
            case "matches":
                arity(name, a, 2, pos);
                return Values.bool(regex(Values.asText(a[1]), pos).matcher(bounded(Values.asText(a[0]), pos)).find());
            case "lower":
                arity(name, a, 1, pos);
                return Values.text(Values.asText(a[0]).toLowerCase(Locale.ROOT));
            case "upper":
                arity(name, a, 1, pos);
                return Values.text(Values.asText(a[0]).toUpperCase(Locale.ROOT));
            case "trim":
                arity(name, a, 1, pos);
                return Values.text(Values.asText(a[0]).strip());
            case "str":
                arity(name, a, 1, pos);
                return Values.text(Values.asText(a[0]));
            case "num":
                arity(name, a, 1, pos);
                if (a[0] != null && a[0].isNumber()) {
                    return a[0];
                }
                try {
                    return Values.number(Double.parseDouble(Values.asText(a[0]).strip()));
                } catch (NumberFormatException e) {
                    return Values.NULL;
                }
            case "min":
            case "max": {
                if (a.length == 0) {
                    throw new ExprException(name + "() needs at least one argument", pos);
                }
                double best = Values.num(a[0], name);
                for (int i = 1; i < a.length; i++) {
                    double v = Values.num(a[i], name);
                    best = name.equals("min") ? Math.min(best, v) : Math.max(best, v);
                }
                return Values.number(best);
            }
            case "abs":
                arity(name, a, 1, pos);
                return Values.number(Math.abs(Values.num(a[0], name)));
            case "round":
                arity(name, a, 1, pos);
                return Values.number(Math.round(Values.num(a[0], name)));
            case "coalesce":
                for (JsonNode v : a) {
                    if (v != null && !v.isNull()) {
                        return v;
                    }
                }
                return Values.NULL;
            case "words": {
                arity(name, a, 1, pos);
                ArrayNode out = Values.FACTORY.arrayNode();
                for (String w : Values.asText(a[0]).strip().split("\\s+")) {
                    if (!w.isEmpty()) {
                        out.add(w);
                    }
                }
                return out;
            }
            case "keys": {
                arity(name, a, 1, pos);
                ArrayNode out = Values.FACTORY.arrayNode();
                if (a[0] != null && a[0].isObject()) {
                    a[0].fieldNames().forEachRemaining(out::add);
                }
                return out;
            }
            default:
                throw new ExprException("unknown function '" + name + "'; known: " + String.join(", ", new java.util.TreeSet<>(NAMES)), pos);
        }
    }

    private static void arity(String name, JsonNode[] a, int n, int pos) {
        if (a.length != n) {
            throw new ExprException(name + "() takes " + n + " argument" + (n == 1 ? "" : "s") + ", got " + a.length, pos);
        }
    }

    private static Pattern regex(String p, int pos) {
        if (p.length() > MAX_REGEX) {
            throw new ExprException("regular expression longer than " + MAX_REGEX + " characters", pos);
        }
        try {
            return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw new ExprException("bad regular expression: " + e.getDescription(), pos);
        }
    }

    private static String bounded(String s, int pos) {
        return s.length() > MAX_SCAN ? s.substring(0, MAX_SCAN) : s;
    }
}
