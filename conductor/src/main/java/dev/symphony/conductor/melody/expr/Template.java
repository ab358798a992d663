package dev.symphony.conductor.melody.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * {@code ${expr}} templates inside JSON values (node inputs, outputs, prompts). A string that is exactly
 * one {@code ${expr}} becomes the expression's JSON value (an array stays an array); a string with text
 * around placeholders becomes text with each value interpolated. {@code $${} } writes a literal {@code ${}.
 */
public final class Template {
    private Template() {
    }

    /** Visits every expression in {@code template} with the JSON path of the string holding it. */
    public static void forEachExpression(JsonNode template, String path, BiConsumer<String, String> visitor) {
        if (template == null) {
            return;
        }
        if (template.isTextual()) {
            for (Part p : parts(template.textValue())) {
                if (p.expression) {
                    visitor.accept(path, p.text);
                }
            }
        } else if (template.isArray()) {
            for (int i = 0; i < template.size(); i++) {
                forEachExpression(template.get(i), path + "[" + i + "]", visitor);
            }
        } else if (template.isObject()) {
            for (Map.Entry<String, JsonNode> e : template.properties()) {
                forEachExpression(e.getValue(), path + "." + e.getKey(), visitor);
            }
        }
    }

    /** The template with every placeholder replaced by its value in {@code scope}; the input is not changed. */
    public static JsonNode render(JsonNode template, Expr.Scope scope) {
        if (template == null) {
            return Values.NULL;
        }
        if (template.isTextual()) {
            return renderText(template.textValue(), scope);
        }
        if (template.isArray()) {
            ArrayNode out = Values.FACTORY.arrayNode();
            template.forEach(e -> out.add(render(e, scope)));
            return out;
        }
        if (template.isObject()) {
            ObjectNode out = Values.FACTORY.objectNode();
            template.properties().forEach(e -> out.set(e.getKey(), render(e.getValue(), scope)));
            return out;
        }
        return template;
    }

    /** The single expression when {@code text} is exactly {@code ${expr}}, else null. */
    public static String wholeExpression(String text) {
        java.util.List<Part> parts = parts(text);
        return parts.size() == 1 && parts.get(0).expression ? parts.get(0).text : null;
    }

    private static JsonNode renderText(String text, Expr.Scope scope) {
        java.util.List<Part> parts = parts(text);
        if (parts.size() == 1 && parts.get(0).expression) {
            return Expr.parse(parts.get(0).text).eval(scope);
        }
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            b.append(p.expression ? Values.asText(Expr.parse(p.text).eval(scope)) : p.text);
        }
        return Values.text(b.toString());
    }

    private record Part(String text, boolean expression) {
    }

    private static java.util.List<Part> parts(String text) {
        java.util.List<Part> out = new java.util.ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = closing(text, i + 2);
                if (end < 0) {
                    throw new ExprException("'${' without a closing '}'", i);
                }
                if (literal.length() > 0) {
                    out.add(new Part(literal.toString(), false));
                    literal.setLength(0);
                }
                out.add(new Part(text.substring(i + 2, end), true));
                i = end + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        if (literal.length() > 0 || out.isEmpty()) {
            out.add(new Part(literal.toString(), false));
        }
        return out;
    }

    /** The '}' closing a placeholder, skipping braces inside quoted strings. */
    private static int closing(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }
}
