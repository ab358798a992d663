package dev.symphony.conductor.melody.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** JSON value semantics of the expression language: truthiness, equality, ordering, arithmetic. */
public final class Values {
    public static final JsonNode NULL = NullNode.getInstance();
    public static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    private Values() {
    }

    /** false, null, 0, "" and empty arrays/objects are false; everything else is true. */
    public static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return v.size() > 0;
    }

    public static JsonNode bool(boolean b) {
        return BooleanNode.valueOf(b);
    }

    /** Integral doubles become longs, so {@code 1 + 1} prints as {@code 2}, not {@code 2.0}. */
    public static JsonNode number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return LongNode.valueOf((long) d);
        }
        return DoubleNode.valueOf(d);
    }

    public static JsonNode text(String s) {
        return TextNode.valueOf(s);
    }

    static double num(JsonNode v, String op) {
        if (v == null || !v.isNumber()) {
            throw new ExprException("'" + op + "' needs a number, got " + describe(v), -1);
        }
        return v.doubleValue();
    }

    /** Text for string concatenation and templates: strings as-is, other values as JSON. */
    public static String asText(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }

    public static String describe(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        String type = v.isTextual() ? "string" : v.isNumber() ? "number" : v.isBoolean() ? "boolean"
                : v.isArray() ? "array" : "object";
        String text = v.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 37) + "..." : text);
    }

    static boolean equal(JsonNode a, JsonNode b) {
        boolean an = a == null || a.isNull();
        boolean bn = b == null || b.isNull();
        if (an || bn) {
            return an == bn;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        return a.equals(b);
    }

    static JsonNode binary(String op, JsonNode l, JsonNode r) {
        switch (op) {
            case "==":
                return bool(equal(l, r));
            case "!=":
                return bool(!equal(l, r));
            case "<": case "<=": case ">": case ">=": {
                int c;
                if (l != null && r != null && l.isTextual() && r.isTextual()) {
                    c = l.textValue().compareTo(r.textValue());
                } else {
                    c = Double.compare(num(l, op), num(r, op));
                }
                return bool(switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                });
            }
            case "+":
                if ((l != null && l.isTextual()) || (r != null && r.isTextual())) {
                    return text(asText(l) + asText(r));
                }
                return number(num(l, op) + num(r, op));
            case "-":
                return number(num(l, op) - num(r, op));
            case "*":
                return number(num(l, op) * num(r, op));
            case "/": {
                double d = num(r, op);
                if (d == 0) {
                    throw new ExprException("division by zero", -1);
                }
                return number(num(l, op) / d);
            }
            case "%": {
                double d = num(r, op);
                if (d == 0) {
                    throw new ExprException("division by zero", -1);
                }
                return number(num(l, op) % d);
            }
            default:
                throw new ExprException("unknown operator " + op, -1);
        }
    }
}
