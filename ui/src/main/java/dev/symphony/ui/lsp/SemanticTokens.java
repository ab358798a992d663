package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.editor.StyledLine;
import dev.symphony.ui.editor.TokenLook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A document's semantic tokens as the editor paints them over TextMate's styles: decoded from a server's answer
 * ({@code {types, modifiers, data}}, LSP's relative encoding) into offsets of the text it was computed for, each with
 * the TextMate scope its type and modifiers fall back to (VS Code's table: a {@code readonly} variable is
 * {@code variable.other.constant}, a parameter {@code variable.parameter} …), then carried through every edit since
 * ({@link #edited}): a token an edit touches is dropped (what it is may have changed), the others move. Immutable.
 */
final class SemanticTokens {
    static final SemanticTokens NONE = new SemanticTokens(new int[0], new int[0], new String[0]);
    private final int[] starts;
    private final int[] ends;
    private final String[] scopes;

    private SemanticTokens(int[] starts, int[] ends, String[] scopes) {
        this.starts = starts;
        this.ends = ends;
        this.scopes = scopes;
    }

    int size() {
        return starts.length;
    }

    /** Token {@code i} as {@code start-end scope} (tests). */
    String describe(int i) {
        return starts[i] + "-" + ends[i] + " " + scopes[i];
    }

    /**
     * The tokens of {@code answer} in {@code text} (the text the server computed them for); tokens past a line's end are
     * cut to it, tokens of types the theme has no scope for are left out (TextMate's style stays).
     */
    static SemanticTokens decode(JsonNode answer, Rope text) {
        List<String> types = new ArrayList<>();
        answer.path("types").forEach(t -> types.add(t.asText()));
        List<String> modifiers = new ArrayList<>();
        answer.path("modifiers").forEach(m -> modifiers.add(m.asText()));
        int readonly = bit(modifiers, "readonly");
        int library = bit(modifiers, "defaultLibrary");
        JsonNode data = answer.path("data");
        int n = data.size() / 5;
        int[] starts = new int[n];
        int[] ends = new int[n];
        String[] scopes = new String[n];
        int count = 0;
        int line = 0;
        int column = 0;
        int lastEnd = 0;
        for (int i = 0; i < n; i++) {
            int dl = data.get(i * 5).asInt();
            int dc = data.get(i * 5 + 1).asInt();
            line += dl;
            column = dl == 0 ? column + dc : dc;
            if (line >= text.lineCount()) {
                break;
            }
            int type = data.get(i * 5 + 3).asInt();
            int mods = data.get(i * 5 + 4).asInt();
            String scope = type >= 0 && type < types.size() ? scope(types.get(type), (mods & readonly) != 0, (mods & library) != 0) : null;
            int lineEnd = text.lineEnd(line);
            int start = (int) Math.min((long) text.lineStart(line) + column, lineEnd);
            int end = (int) Math.min((long) start + data.get(i * 5 + 2).asInt(), lineEnd);
            if (scope != null && end > start && start >= lastEnd) { // in order, not overlapping: a hostile server's others are dropped
                starts[count] = start;
                ends[count] = end;
                scopes[count++] = scope;
                lastEnd = end;
            }
        }
        return new SemanticTokens(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count), Arrays.copyOf(scopes, count));
    }

    private static int bit(List<String> modifiers, String name) {
        int i = modifiers.indexOf(name);
        return i < 0 || i > 30 ? 0 : 1 << i;
    }

    /** VS Code's fallback TextMate scope of a semantic token type, or null for a type with none. */
    static String scope(String type, boolean readonly, boolean library) {
        return switch (type) {
            case "namespace" -> "entity.name.namespace";
            case "type", "struct" -> "entity.name.type";
            case "class" -> library ? "support.class" : "entity.name.type.class";
            case "enum" -> "entity.name.type.enum";
            case "interface" -> "entity.name.type.interface";
            case "typeParameter" -> "entity.name.type.parameter";
            case "parameter" -> "variable.parameter";
            case "variable" -> readonly ? "variable.other.constant" : "variable.other.readwrite";
            case "property" -> readonly ? "variable.other.constant.property" : "variable.other.property";
            case "enumMember" -> "variable.other.enummember";
            case "event" -> "variable.other.event";
            case "function" -> library ? "support.function" : "entity.name.function";
            case "method", "member" -> library ? "support.function" : "entity.name.function.member"; // member: tsserver's method
            case "macro" -> "entity.name.function.preprocessor";
            case "keyword" -> "keyword";
            case "modifier" -> "storage.modifier";
            case "comment" -> "comment";
            case "string" -> "string";
            case "number" -> "constant.numeric";
            case "regexp" -> "constant.regexp";
            case "operator" -> "keyword.operator";
            case "decorator" -> "entity.name.function.decorator";
            default -> null;
        };
    }

    /** These tokens after {@code change} (edits of the text they are in): touched ones dropped, the others moved. */
    SemanticTokens edited(ChangeSet change) {
        List<TextEdit> edits = change.edits();
        int[] s = new int[starts.length];
        int[] e = new int[starts.length];
        String[] k = new String[starts.length];
        int count = 0;
        int j = 0;
        int delta = 0;
        for (int i = 0; i < starts.length; i++) {
            while (j < edits.size() && edits.get(j).to() < starts[i]) {
                delta += edits.get(j).delta();
                j++;
            }
            if (j < edits.size() && edits.get(j).from() <= ends[i]) {
                continue; // the edit touches the token
            }
            s[count] = starts[i] + delta;
            e[count] = ends[i] + delta;
            k[count++] = scopes[i];
        }
        return new SemanticTokens(Arrays.copyOf(s, count), Arrays.copyOf(e, count), Arrays.copyOf(k, count));
    }

    /**
     * {@code base} (TextMate's spans of the line at {@code lineStart}, null when not styled) with these tokens' looks
     * over it; a token whose look has no colour of its own keeps TextMate's. {@code base} itself when no token is on it.
     */
    StyledLine apply(int lineStart, int lineLength, StyledLine base, Function<String, TokenLook> looks) {
        int lineEnd = lineStart + lineLength;
        int first = firstEndingAfter(lineStart);
        List<int[]> over = new ArrayList<>(); // {start, end, index} relative to the line
        for (int i = first; i < starts.length && starts[i] < lineEnd; i++) {
            TokenLook look = looks.apply(scopes[i]);
            if (look != null && look.fill() != null) {
                over.add(new int[] {Math.max(0, starts[i] - lineStart), Math.min(lineLength, ends[i] - lineStart), i});
            }
        }
        if (over.isEmpty()) {
            return base;
        }
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        int baseSpans = base == null ? 0 : base.size();
        for (int i = 0; i < baseSpans; i++) {
            cuts.add(base.start(i));
        }
        for (int[] o : over) {
            cuts.add(o[0]);
            cuts.add(o[1]);
        }
        List<Integer> outStarts = new ArrayList<>();
        List<TokenLook> outLooks = new ArrayList<>();
        int b = -1;
        int o = 0;
        for (int at : cuts) {
            if (at >= lineLength && at > 0) {
                break;
            }
            while (b + 1 < baseSpans && base.start(b + 1) <= at) {
                b++;
            }
            while (o < over.size() && over.get(o)[1] <= at) {
                o++;
            }
            TokenLook look = o < over.size() && over.get(o)[0] <= at ? looks.apply(scopes[over.get(o)[2]])
                    : b >= 0 ? base.look(b) : TokenLook.PLAIN;
            if (outLooks.isEmpty() || !outLooks.get(outLooks.size() - 1).equals(look)) {
                outStarts.add(at);
                outLooks.add(look);
            }
        }
        return new Layered(outStarts.stream().mapToInt(Integer::intValue).toArray(), outLooks.toArray(TokenLook[]::new));
    }

    private int firstEndingAfter(int offset) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A line's spans with the tokens' looks; equal when the spans are (the view skips repainting an unchanged line). */
    record Layered(int[] starts, TokenLook[] looks) implements StyledLine {
        @Override
        public int size() {
            return starts.length;
        }

        @Override
        public int start(int index) {
            return starts[index];
        }

        @Override
        public TokenLook look(int index) {
            return looks[index];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Layered l && Arrays.equals(starts, l.starts) && Arrays.equals(looks, l.looks);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(starts) * 31 + Arrays.hashCode(looks);
        }
    }
}
