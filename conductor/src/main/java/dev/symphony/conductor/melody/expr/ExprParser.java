package dev.symphony.conductor.melody.expr;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser. Precedence, loosest first: {@code ?:}, {@code ??}, {@code ||}, {@code &&},
 * {@code == !=}, {@code < <= > >=}, {@code + -}, {@code * / %}, unary {@code ! -}, then primaries:
 * numbers, 'single' or "double" quoted strings, true/false/null, {@code f(args)}, references
 * {@code a.b[0]} and parentheses. Nesting depth and length are bounded.
 */
final class ExprParser {
    private static final int MAX_LENGTH = 4000;
    private static final int MAX_DEPTH = 64;
    private final String s;
    private int pos;
    private int depth;

    ExprParser(String text) {
        if (text == null || text.isBlank()) {
            throw new ExprException("empty expression", 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw new ExprException("expression longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        this.s = text;
    }

    Expr parseAll() {
        Expr e = conditional();
        skipSpace();
        if (pos < s.length()) {
            throw new ExprException("unexpected '" + s.charAt(pos) + "'", pos);
        }
        return e;
    }

    private Expr conditional() {
        if (++depth > MAX_DEPTH) {
            throw new ExprException("expression nested too deeply", pos);
        }
        Expr test = binary(0);
        if (eat("?")) {
            Expr then = conditional();
            expect(":");
            Expr otherwise = conditional();
            test = new Expr.Conditional(test, then, otherwise);
        }
        depth--;
        return test;
    }

    private static final String[][] LEVELS = {
        {"??"}, {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}};

    private Expr binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (true) {
            String op = peekOperator(LEVELS[level]);
            if (op == null) {
                return left;
            }
            pos += op.length();
            left = new Expr.Binary(op, left, binary(level + 1));
        }
    }

    private String peekOperator(String[] ops) {
        skipSpace();
        for (String op : ops) {
            if (s.startsWith(op, pos)) {
                return op; // longer operators are listed first ('<=' before '<')
            }
        }
        return null;
    }

    private Expr unary() {
        skipSpace();
        if (pos < s.length() && (s.charAt(pos) == '!' && !s.startsWith("!=", pos) || s.charAt(pos) == '-')) {
            String op = String.valueOf(s.charAt(pos++));
            if (++depth > MAX_DEPTH) {
                throw new ExprException("expression nested too deeply", pos);
            }
            Expr operand = unary();
            depth--;
            return new Expr.Unary(op, operand);
        }
        return primary();
    }

    private Expr primary() {
        skipSpace();
        if (pos >= s.length()) {
            throw new ExprException("expression ends too early", pos);
        }
        char c = s.charAt(pos);
        if (c == '(') {
            pos++;
            Expr e = conditional();
            expect(")");
            return e;
        }
        if (c == '\'' || c == '"') {
            return new Expr.Literal(Values.text(string(c)));
        }
        if (Character.isDigit(c)) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            String name = identifier();
            switch (name) {
                case "true": return new Expr.Literal(Values.bool(true));
                case "false": return new Expr.Literal(Values.bool(false));
                case "null": return new Expr.Literal(Values.NULL);
                default: break;
            }
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '(') {
                pos++;
                if (!Functions.NAMES.contains(name)) {
                    throw new ExprException("unknown function '" + name + "'", start);
                }
                List<Expr> args = new ArrayList<>();
                skipSpace();
                if (!eat(")")) {
                    do {
                        args.add(conditional());
                    } while (eat(","));
                    expect(")");
                }
                return new Expr.Call(name, List.copyOf(args), start);
            }
            List<Object> path = new ArrayList<>();
            while (true) {
                if (peek('.')) {
                    pos++;
                    path.add(identifier());
                } else if (peek('[')) {
                    pos++;
                    skipSpace();
                    boolean negative = eat("-");
                    skipSpace();
                    if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
                        path.add(string(s.charAt(pos)));
                    } else {
                        int v = (int) Math.min(Integer.MAX_VALUE, digits());
                        path.add(negative ? -v : v);
                    }
                    expect("]");
                } else {
                    return new Expr.Reference(name, List.copyOf(path));
                }
            }
        }
        throw new ExprException("unexpected '" + c + "'", pos);
    }

    private Expr number() {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            pos++;
        }
        String text = s.substring(start, pos);
        try {
            return new Expr.Literal(text.contains(".") ? DoubleNode.valueOf(Double.parseDouble(text))
                    : LongNode.valueOf(Long.parseLong(text)));
        } catch (NumberFormatException e) {
            throw new ExprException("bad number '" + text + "'", start);
        }
    }

    private long digits() {
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (start == pos || pos - start > 9) {
            throw new ExprException("expected an index", start);
        }
        return Long.parseLong(s.substring(start, pos));
    }

    private String identifier() {
        int start = pos;
        if (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            return s.substring(start, pos);
        }
        throw new ExprException("expected a name", start);
    }

    private String string(char quote) {
        int start = pos++;
        StringBuilder b = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == quote) {
                return b.toString();
            }
            if (c == '\\' && pos < s.length()) {
                char e = s.charAt(pos++);
                b.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                b.append(c);
            }
        }
        throw new ExprException("unterminated string", start);
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(String token) {
        skipSpace();
        if (s.startsWith(token, pos) && !(token.equals("?") && s.startsWith("??", pos))) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw new ExprException(pos < s.length() ? "expected '" + token + "' but found '" + s.charAt(pos) + "'"
                    : "expected '" + token + "' at the end", pos);
        }
    }
}
