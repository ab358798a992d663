package dev.symphony.conductor.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.conductor.melody.expr.ExprException;
import dev.symphony.conductor.melody.expr.Template;
import dev.symphony.conductor.run.TestOperators;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprTest {
    private static final Map<String, JsonNode> OUT = Map.of(
            "a", TestOperators.json("{\"text\":\"Hello world\",\"n\":3,\"list\":[\"x\",\"y\"],\"ok\":true}"),
            "b", TestOperators.json("null"));

    private static String eval(String e) {
        return Expr.parse(e).eval(r -> OUT.getOrDefault(r, TestOperators.json("null"))).toString();
    }

    @Test
    void operatorsAndPrecedence() {
        assertEquals("7", eval("1 + 2 * 3"));
        assertEquals("9", eval("(1 + 2) * 3"));
        assertEquals("true", eval("a.n > 2 && !(a.n == 4) || false"));
        assertEquals("\"Hello world!\"", eval("a.text + '!'"));
        assertEquals("\"y\"", eval("a.list[1]"));
        assertEquals("\"y\"", eval("a.list[-1]"));
        assertEquals("null", eval("a.missing.deeper[3]"));
        assertEquals("\"fallback\"", eval("b.x ?? 'fallback'"));
        assertEquals("\"big\"", eval("a.n >= 3 ? 'big' : 'small'"));
        assertEquals("1.5", eval("3 / 2"));
    }

    @Test
    void functions() {
        assertEquals("11", eval("len(a.text)"));
        assertEquals("true", eval("contains(a.list, 'x') && contains(a.text, 'world') && matches(a.text, '^H.*d$')"));
        assertEquals("[\"Hello\",\"world\"]", eval("words(a.text)"));
        assertEquals("\"HELLO WORLD\"", eval("upper(a.text)"));
        assertEquals("3", eval("coalesce(b, a.n)"));
        assertEquals("42", eval("num('42')"));
    }

    @Test
    void syntaxErrorsSayWhere() {
        ExprException e = assertThrows(ExprException.class, () -> Expr.parse("a.n > "));
        assertTrue(e.getMessage().contains("ends too early"), e.getMessage());
        assertTrue(assertThrows(ExprException.class, () -> Expr.parse("system('rm')")).getMessage().contains("unknown function 'system'"));
        assertTrue(assertThrows(ExprException.class, () -> Expr.parse("a = 1")).getMessage().contains("at character 3"));
    }

    @Test
    void templatesKeepTypesForWholeReferencesAndInterpolateOtherwise() {
        JsonNode t = TestOperators.json("{\"list\":\"${a.list}\",\"msg\":\"n=${a.n}, ${a.text}\",\"lit\":\"$${not}\",\"k\":[1,\"${a.ok}\"]}");
        assertEquals("{\"list\":[\"x\",\"y\"],\"msg\":\"n=3, Hello world\",\"lit\":\"${not}\",\"k\":[1,true]}",
                Template.render(t, r -> OUT.get(r)).toString());
    }
}
