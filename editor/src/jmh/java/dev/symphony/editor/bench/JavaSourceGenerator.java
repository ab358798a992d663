package dev.symphony.editor.bench;

import java.util.Random;

/**
 * Deterministic Java-like source text (ASCII, LF): classes, methods, statements, comments, with a
 * {@code name.size()} call about once every 500 bytes so that replace-all benchmarks have ~20k
 * matches per 10 MB. Same seed, same bytes.
 */
public final class JavaSourceGenerator {

    private static final String[] WORDS = {
        "list", "items", "buffer", "result", "count", "index", "node", "value", "entries", "cache",
        "children", "names", "tokens", "lines", "edits", "cursor", "range", "offset", "queue", "map"
    };
    private static final String[] TYPES = {"int", "long", "String", "List<String>", "Map<String, Integer>", "boolean"};

    private final Random random;

    public JavaSourceGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** At least {@code bytes} characters of source, cut at a line end. */
    public String generate(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 256);
        int cls = 0;
        while (sb.length() < bytes) {
            sb.append("package dev.example.gen").append(cls % 7).append(";\n\n");
            sb.append("import java.util.List;\nimport java.util.Map;\n\n");
            sb.append("/** Generated class number ").append(cls).append(". */\n");
            sb.append("public final class Gen").append(cls++).append(" {\n");
            int methods = 3 + random.nextInt(6);
            for (int m = 0; m < methods && sb.length() < bytes; m++) {
                method(sb, m);
            }
            sb.append("}\n\n");
        }
        return sb.toString();
    }

    private void method(StringBuilder sb, int m) {
        sb.append("    // ").append(word()).append(' ').append(word()).append(" for step ").append(m).append('\n');
        sb.append("    public ").append(TYPES[random.nextInt(TYPES.length)]).append(' ').append(word()).append(m)
                .append("(List<String> ").append(word()).append(", int ").append(word()).append(") {\n");
        int statements = 4 + random.nextInt(12);
        for (int s = 0; s < statements; s++) {
            sb.append("        ");
            int k = random.nextInt(16);
            if (k == 0) {
                sb.append("if (").append(word()).append(".size() > ").append(random.nextInt(100)).append(") {\n");
                sb.append("            return ").append(word()).append(";\n        }\n");
            } else if (k == 1) {
                sb.append("for (int i = 0; i < ").append(word()).append(".length; i++) {\n");
                sb.append("            ").append(word()).append(" += i;\n        }\n");
            } else if (k < 3) {
                sb.append("int ").append(word()).append(s).append(" = ").append(word()).append(".size();\n");
            } else {
                sb.append(word()).append('.').append("add(").append(word()).append(" + \"")
                        .append(word()).append("\");\n");
            }
        }
        sb.append("        return null;\n    }\n\n");
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
