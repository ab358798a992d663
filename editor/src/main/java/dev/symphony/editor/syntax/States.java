package dev.symphony.editor.syntax;

import dev.secondsun.tm4e.core.grammar.StackElement;
import dev.secondsun.tm4e.core.internal.grammar.ScopeListElement;
import java.util.Objects;

/**
 * Equality of tokenizer states as vscode-textmate defines it (same rule chain with the same end rules,
 * same content scopes). TM4E 0.4.8's {@code StackElement.equals} is inverted on {@code endRule} (it
 * answers false whenever two levels have <em>equal</em> end rules), so equal states compared unequal
 * unless they were the same object: convergence after an edit and the line memo need this one.
 */
final class States {

    private States() {
    }

    static boolean equal(StackElement a, StackElement b) {
        return a == b || a != null && b != null && structural(a, b) && Objects.equals(a.contentNameScopesList, b.contentNameScopesList);
    }

    private static boolean structural(StackElement a, StackElement b) {
        for (; a != b; a = a.parent, b = b.parent) {
            if (a == null || b == null || a.depth != b.depth || a.ruleId != b.ruleId || !Objects.equals(a.endRule, b.endRule)) {
                return false;
            }
        }
        return true;
    }

    static int hash(StackElement s) {
        int h = 1;
        for (StackElement e = s; e != null; e = e.parent) {
            h = h * 31 + e.ruleId * 17 + e.depth + Objects.hashCode(e.endRule);
        }
        for (ScopeListElement c = s == null ? null : s.contentNameScopesList; c != null; c = c.parent) {
            h = h * 31 + Objects.hashCode(c.scope) + c.metadata;
        }
        return h;
    }
}
