package dev.symphony.editor.comment;

import java.util.Map;
import java.util.Optional;

/**
 * A language's comment tokens: {@code line} ("//"; null when it has none) and the block pair
 * ("/*", "*&#47;"; nulls when none). The table follows the language configurations VS Code ships.
 */
public record CommentSyntax(String line, String blockStart, String blockEnd) {
    private static final CommentSyntax C = new CommentSyntax("//", "/*", "*/");
    private static final CommentSyntax HASH = new CommentSyntax("#", null, null);
    private static final CommentSyntax MARKUP = new CommentSyntax(null, "<!--", "-->");
    private static final CommentSyntax CSS = new CommentSyntax(null, "/*", "*/");
    private static final CommentSyntax DASHES = new CommentSyntax("--", "/*", "*/");
    private static final Map<String, CommentSyntax> BY_LANGUAGE = Map.ofEntries(
            Map.entry("java", C), Map.entry("kotlin", C), Map.entry("scala", C), Map.entry("groovy", C),
            Map.entry("javascript", C), Map.entry("typescript", C), Map.entry("jsx", C), Map.entry("tsx", C),
            Map.entry("jsonc", C), Map.entry("json5", C), Map.entry("c", C), Map.entry("cpp", C),
            Map.entry("csharp", C), Map.entry("objective-c", C), Map.entry("objective-cpp", C), Map.entry("go", C),
            Map.entry("rust", C), Map.entry("swift", C), Map.entry("dart", C), Map.entry("php", C), Map.entry("zig",
                    new CommentSyntax("//", null, null)), Map.entry("proto", C), Map.entry("glsl", C), Map.entry("hlsl", C),
            Map.entry("wgsl", C), Map.entry("solidity", C), Map.entry("graphql", HASH), Map.entry("scss", C),
            Map.entry("less", C), Map.entry("css", CSS), Map.entry("python", new CommentSyntax("#", "\"\"\"", "\"\"\"")),
            Map.entry("shellscript", HASH), Map.entry("fish", HASH), Map.entry("yaml", HASH), Map.entry("toml", HASH),
            Map.entry("ruby", new CommentSyntax("#", "=begin", "=end")), Map.entry("perl", HASH), Map.entry("r", HASH),
            Map.entry("make", HASH), Map.entry("cmake", HASH), Map.entry("docker", HASH), Map.entry("dotenv", HASH),
            Map.entry("ini", new CommentSyntax(";", null, null)), Map.entry("powershell", new CommentSyntax("#", "<#", "#>")),
            Map.entry("elixir", HASH), Map.entry("julia", new CommentSyntax("#", "#=", "=#")), Map.entry("nim", HASH),
            Map.entry("terraform", new CommentSyntax("#", "/*", "*/")), Map.entry("hcl", new CommentSyntax("#", "/*", "*/")),
            Map.entry("sql", DASHES), Map.entry("plsql", DASHES), Map.entry("lua", new CommentSyntax("--", "--[[", "]]")),
            Map.entry("haskell", new CommentSyntax("--", "{-", "-}")), Map.entry("elm", new CommentSyntax("--", "{-", "-}")),
            Map.entry("html", MARKUP), Map.entry("xml", MARKUP), Map.entry("xsl", MARKUP), Map.entry("markdown", MARKUP),
            Map.entry("vue", MARKUP), Map.entry("svelte", MARKUP), Map.entry("latex", new CommentSyntax("%", null, null)),
            Map.entry("tex", new CommentSyntax("%", null, null)), Map.entry("erlang", new CommentSyntax("%", null, null)),
            Map.entry("clojure", new CommentSyntax(";", null, null)), Map.entry("scheme", new CommentSyntax(";", "#|", "|#")),
            Map.entry("common-lisp", new CommentSyntax(";", "#|", "|#")), Map.entry("bat", new CommentSyntax("@REM", null, null)),
            Map.entry("vb", new CommentSyntax("'", null, null)), Map.entry("fsharp", new CommentSyntax("//", "(*", "*)")),
            Map.entry("ocaml", new CommentSyntax(null, "(*", "*)")), Map.entry("viml", new CommentSyntax("\"", null, null)));

    /** The comment tokens of a language id (as the language registry names it), if it has any. */
    public static Optional<CommentSyntax> of(String languageId) {
        return Optional.ofNullable(languageId == null ? null : BY_LANGUAGE.get(languageId));
    }

    public boolean hasBlock() {
        return blockStart != null && blockEnd != null;
    }
}
