package dev.symphony.editor.syntax;

import dev.secondsun.tm4e.core.grammar.IGrammar;
import dev.secondsun.tm4e.core.grammar.StackElement;
import java.util.ArrayList;
import java.util.List;

/** TM4E's packed tokens per line of a text; loaded in two class loaders by {@link OnigRegExpEquivalenceTest}. */
public final class Tm4eTokens {

    private Tm4eTokens() {
    }

    public static List<int[]> of(String scopeName, String text) {
        IGrammar g = Themes.defaultLight().grammars().grammar(scopeName);
        List<int[]> out = new ArrayList<>();
        StackElement state = null;
        for (String line : text.split("\n", -1)) {
            var r = g.tokenizeLine2(line, state);
            state = r.getRuleStack();
            out.add(r.getTokens());
        }
        return out;
    }
}
