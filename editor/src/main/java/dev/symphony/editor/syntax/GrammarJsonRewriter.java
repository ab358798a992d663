package dev.symphony.editor.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Copies a grammar's JSON token by token (jackson-core streaming: no tree, no databind, which alone cost
 * ~120 ms in a cold JVM), applying what TM4E 0.4.8 needs:
 * <ul>
 *   <li>{@code match}/{@code begin}/{@code end}/{@code while} strings through {@link PatternRewriter};</li>
 *   <li>entries of {@code captures}/{@code beginCaptures}/{@code endCaptures}/{@code whileCaptures} that are
 *       not objects are left out (TM4E casts each to a rule; xml has {@code "end"} misplaced there,
 *       wikitext {@code null}s);</li>
 *   <li>a rule with {@code begin} but neither {@code end} nor {@code while} gets an end that never matches
 *       (TM4E throws; vscode-textmate compiles the missing end as the word "undefined").</li>
 * </ul>
 */
final class GrammarJsonRewriter {

    private static final JsonFactory JSON = new JsonFactory();

    private GrammarJsonRewriter() {
    }

    /** The top-level {@code injectTo} scopes of an injection grammar. */
    static java.util.List<String> injectTo(String json) throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("injectTo") && v == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        out.add(p.getText());
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return out;
    }

    static byte[] rewrite(String json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() + 256);
        try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(out)) {
            Deque<int[]> objects = new ArrayDeque<>(); // per open object: {hasBegin, hasEndOrWhile, isCaptures}
            boolean nextObjectIsCaptures = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT -> {
                        objects.push(new int[] {0, 0, nextObjectIsCaptures ? 1 : 0});
                        nextObjectIsCaptures = false;
                        g.writeStartObject();
                    }
                    case END_OBJECT -> {
                        int[] o = objects.pop();
                        if (o[0] == 1 && o[1] == 0) {
                            g.writeStringField("end", "\uFFFF");
                        }
                        g.writeEndObject();
                    }
                    case FIELD_NAME -> {
                        String name = p.currentName();
                        JsonToken value = p.nextToken();
                        int[] o = objects.peek();
                        if (o != null && o[2] == 1 && value != JsonToken.START_OBJECT) {
                            p.skipChildren(); // a capture that is not a rule: drop it
                            continue;
                        }
                        if (o != null) {
                            o[0] |= name.equals("begin") ? 1 : 0;
                            o[1] |= name.equals("end") || name.equals("while") ? 1 : 0;
                        }
                        g.writeFieldName(name);
                        if (value == JsonToken.VALUE_STRING && PatternRewriter.isPatternKey(name)) {
                            g.writeString(PatternRewriter.rewrite(p.getText(), name.equals("end") || name.equals("while")));
                        } else if (value == JsonToken.START_OBJECT) {
                            nextObjectIsCaptures = name.endsWith("aptures");
                            objects.push(new int[] {0, 0, nextObjectIsCaptures ? 1 : 0});
                            nextObjectIsCaptures = false;
                            g.writeStartObject();
                        } else {
                            g.copyCurrentEvent(p);
                        }
                    }
                    default -> g.copyCurrentEvent(p);
                }
            }
        }
        return out.toByteArray();
    }
}
