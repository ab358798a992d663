package dev.symphony.editor.syntax;

import dev.secondsun.tm4e.core.grammar.StackElement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last results of a {@link LineTokenizer}: tokenizing is a pure function of (start state, line text)
 * for one grammar and theme, and code repeats lines a lot (blank lines, braces, {@code " * "}, common
 * statements). Keyed by the text and the state, compared with {@link States} (TM4E's own state equality
 * is broken). Not thread-safe (the tokenizer's lock).
 */
final class LineMemo {

    static final int CAPACITY = 16_384;
    static final int MAX_LINE = 400; // longer lines rarely repeat; not worth the hashing

    private final Map<Key, LineTokenizer.Result> map = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, LineTokenizer.Result> eldest) {
            return size() > CAPACITY;
        }
    };
    private long lookups;
    private long hits;

    LineTokenizer.Result get(String line, StackElement state) {
        if (line.length() > MAX_LINE) {
            return null;
        }
        lookups++;
        LineTokenizer.Result r = map.get(new Key(line, state));
        if (r != null) {
            hits++;
        }
        return r;
    }

    void put(String line, StackElement state, LineTokenizer.Result result) {
        if (line.length() <= MAX_LINE) {
            map.put(new Key(line, state), result);
        }
    }

    double hitRate() {
        return lookups == 0 ? 0 : (double) hits / lookups;
    }

    private static final class Key {
        private final String line;
        private final StackElement state;
        private final int hash;

        Key(String line, StackElement state) {
            this.line = line;
            this.state = state;
            this.hash = line.hashCode() * 31 + States.hash(state);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.line.equals(line) && States.equal(k.state, state);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
