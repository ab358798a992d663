package dev.symphony.conductor.melody.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A parsed expression. {@link #parse} checks the syntax once (validation time); {@link #eval} runs it
 * against a scope that maps root names (node ids, {@code item}, {@code iteration}…) to JSON values.
 */
public sealed interface Expr {
    /** Root names resolved in the scope: for a node id, its output. Missing names evaluate to null. */
    @FunctionalInterface
    interface Scope extends Function<String, JsonNode> {
    }

    JsonNode eval(Scope scope);

    /** Collects the root names this expression reads (for "unknown node" and "not upstream" checks). */
    void roots(Set<String> into);

    static Expr parse(String text) {
        return new ExprParser(text).parseAll();
    }

    default Set<String> roots() {
        Set<String> s = new TreeSet<>();
        roots(s);
        return s;
    }

    default boolean test(Scope scope) {
        return Values.truthy(eval(scope));
    }

    record Literal(JsonNode value) implements Expr {
        public JsonNode eval(Scope scope) {
            return value;
        }

        public void roots(Set<String> into) {
        }
    }

    /** {@code root.a.b[2]}: a root name and a path of field names and indexes (Integer) into its value. */
    record Reference(String root, List<Object> path) implements Expr {
        public JsonNode eval(Scope scope) {
            JsonNode v = scope.apply(root);
            for (Object step : path) {
                if (v == null || v.isNull() || v.isMissingNode()) {
                    return Values.NULL;
                }
                v = step instanceof Integer i ? v.get(i < 0 ? v.size() + i : i) : v.get((String) step);
            }
            return v == null || v.isMissingNode() ? Values.NULL : v;
        }

        public void roots(Set<String> into) {
            into.add(root);
        }

        /** The field path as text, e.g. {@code matches[0]} ("" for the whole value). */
        public String pathText() {
            StringBuilder b = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer i) {
                    b.append('[').append(i).append(']');
                } else {
                    b.append(b.length() == 0 ? "" : ".").append(step);
                }
            }
            return b.toString();
        }
    }

    record Unary(String op, Expr operand) implements Expr {
        public JsonNode eval(Scope scope) {
            JsonNode v = operand.eval(scope);
            return op.equals("!") ? Values.bool(!Values.truthy(v)) : Values.number(-Values.num(v, op));
        }

        public void roots(Set<String> into) {
            operand.roots(into);
        }
    }

    record Binary(String op, Expr left, Expr right) implements Expr {
        public JsonNode eval(Scope scope) {
            switch (op) {
                case "&&": {
                    JsonNode l = left.eval(scope);
                    return Values.truthy(l) ? Values.bool(Values.truthy(right.eval(scope))) : Values.bool(false);
                }
                case "||": {
                    JsonNode l = left.eval(scope);
                    return Values.truthy(l) ? Values.bool(true) : Values.bool(Values.truthy(right.eval(scope)));
                }
                case "??": {
                    JsonNode l = left.eval(scope);
                    return l == null || l.isNull() ? right.eval(scope) : l;
                }
                default:
                    return Values.binary(op, left.eval(scope), right.eval(scope));
            }
        }

        public void roots(Set<String> into) {
            left.roots(into);
            right.roots(into);
        }
    }

    record Conditional(Expr test, Expr then, Expr otherwise) implements Expr {
        public JsonNode eval(Scope scope) {
            return Values.truthy(test.eval(scope)) ? then.eval(scope) : otherwise.eval(scope);
        }

        public void roots(Set<String> into) {
            test.roots(into);
            then.roots(into);
            otherwise.roots(into);
        }
    }

    record Call(String function, List<Expr> args, int position) implements Expr {
        public JsonNode eval(Scope scope) {
            JsonNode[] values = new JsonNode[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).eval(scope);
            }
            return Functions.apply(function, values, position);
        }

        public void roots(Set<String> into) {
            args.forEach(a -> a.roots(into));
        }
    }
}
