package dev.symphony.editor.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A keystroke-level editing history from josephg/editing-traces:
 * {@code {"startContent", "endContent", "txns": [{"patches": [[pos, del, "ins"], ...]}]}}.
 */
public final class EditingTrace {

    public final String startContent;
    public final String endContent;
    public final int[] positions;
    public final int[] deletes;
    public final String[] inserts;

    private EditingTrace(String start, String end, List<Object[]> patches) {
        this.startContent = start;
        this.endContent = end;
        int n = patches.size();
        positions = new int[n];
        deletes = new int[n];
        inserts = new String[n];
        for (int i = 0; i < n; i++) {
            positions[i] = (Integer) patches.get(i)[0];
            deletes[i] = (Integer) patches.get(i)[1];
            inserts[i] = (String) patches.get(i)[2];
        }
    }

    public int size() {
        return positions.length;
    }

    public static EditingTrace read(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
                JsonParser p = new JsonFactory().createParser(in)) {
            String start = "";
            String end = null;
            List<Object[]> patches = new ArrayList<>();
            expect(p.nextToken(), JsonToken.START_OBJECT, p);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ("startContent".equals(field)) {
                    start = p.getText();
                } else if ("endContent".equals(field)) {
                    end = p.getText();
                } else if ("txns".equals(field)) {
                    expect(t, JsonToken.START_ARRAY, p);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            if ("patches".equals(p.currentName())) {
                                expect(p.nextToken(), JsonToken.START_ARRAY, p);
                                while (p.nextToken() == JsonToken.START_ARRAY) {
                                    p.nextToken();
                                    int pos = p.getIntValue();
                                    p.nextToken();
                                    int del = p.getIntValue();
                                    p.nextToken();
                                    String ins = p.getText();
                                    expect(p.nextToken(), JsonToken.END_ARRAY, p);
                                    patches.add(new Object[] {pos, del, ins});
                                }
                            } else {
                                p.nextToken();
                                p.skipChildren();
                            }
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (end == null) {
                throw new IOException(gz + ": no endContent");
            }
            return new EditingTrace(start, end, patches);
        }
    }

    private static void expect(JsonToken got, JsonToken want, JsonParser p) throws IOException {
        if (got != want) {
            throw new IOException("expected " + want + " but found " + got + " at " + p.currentLocation());
        }
    }

    /** Applies every patch to a rope and returns the result. */
    public Rope replay(Rope start) {
        Rope r = start;
        for (int i = 0; i < positions.length; i++) {
            int pos = positions[i];
            int del = deletes[i];
            String ins = inserts[i];
            r = r.replace(pos, pos + del, ins);
        }
        return r;
    }
}
