package dev.symphony.editor.syntax;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped languages and how a file's language is found: user overrides (glob → language id, as
 * VS Code's {@code files.associations}), then the exact file name, then the longest matching extension
 * ({@code detection.tsv}, then the grammars' own {@code fileTypes}), then the first line (shebang
 * interpreter, {@code <?xml}, {@code <!DOCTYPE html}, {@code <?php}, Emacs/Vim modelines are not read).
 * Immutable; {@link #withOverrides} returns a copy. Loads no TM4E class.
 */
public final class LanguageRegistry {

    private static volatile LanguageRegistry builtIn;

    private final Map<String, Language> byId;
    private final Map<String, Language> byAlias;
    private final Map<String, Language> byFileName;
    private final Map<String, Language> byExtension;
    private final Map<String, Language> byInterpreter;
    private final List<Map.Entry<PathMatcher, Language>> overrides;

    private LanguageRegistry(Map<String, Language> byId, Map<String, Language> byAlias, Map<String, Language> byFileName,
                             Map<String, Language> byExtension, Map<String, Language> byInterpreter,
                             List<Map.Entry<PathMatcher, Language>> overrides) {
        this.byId = byId;
        this.byAlias = byAlias;
        this.byFileName = byFileName;
        this.byExtension = byExtension;
        this.byInterpreter = byInterpreter;
        this.overrides = overrides;
    }

    public static LanguageRegistry builtIn() {
        LanguageRegistry r = builtIn;
        if (r == null) {
            synchronized (LanguageRegistry.class) {
                r = builtIn;
                if (r == null) {
                    builtIn = r = load();
                }
            }
        }
        return r;
    }

    /**
     * A copy that first applies {@code globToLanguageId} (e.g. {@code "*.gradle.kts" → "kotlin"},
     * {@code "**}{@code /conf/*.conf" → "ini"}); a glob without '/' matches the file name, one with '/' the
     * whole path given to {@link #detect}. Unknown language ids are ignored (settings may name a language a
     * later version ships).
     */
    public LanguageRegistry withOverrides(Map<String, String> globToLanguageId) {
        List<Map.Entry<PathMatcher, Language>> o = new ArrayList<>();
        globToLanguageId.forEach((glob, id) -> byId(id).ifPresent(lang ->
                o.add(Map.entry(FileSystems.getDefault().getPathMatcher("glob:" + glob), lang))));
        o.addAll(overrides);
        return new LanguageRegistry(byId, byAlias, byFileName, byExtension, byInterpreter, List.copyOf(o));
    }

    /** Every shipped language (injection-only grammars excluded), in id order. */
    public List<Language> all() {
        return List.copyOf(byId.values());
    }

    /** By id or alias ({@code sh}, {@code c++}, {@code js}…), case-insensitive. */
    public Optional<Language> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String k = id.toLowerCase(Locale.ROOT);
        Language l = byId.get(k);
        return Optional.ofNullable(l != null ? l : byAlias.get(k));
    }

    /**
     * The language of a file: {@code fileName} may be a bare name or a path (overrides with '/' match
     * paths); {@code firstLine} may be null.
     */
    public Optional<Language> detect(String fileName, String firstLine) {
        if (fileName != null && !fileName.isEmpty()) {
            String normalized = fileName.replace('\\', '/');
            Path path;
            try {
                path = Path.of(normalized);
            } catch (java.nio.file.InvalidPathException e) { // a name this OS cannot hold: match the last segment as text
                path = null;
            }
            Path name = path == null ? null : path.getFileName();
            for (Map.Entry<PathMatcher, Language> o : overrides) {
                if (path != null && (name != null && o.getKey().matches(name) || o.getKey().matches(path))) {
                    return Optional.of(o.getValue());
                }
            }
            String n = name != null ? name.toString() : normalized.substring(normalized.lastIndexOf('/') + 1);
            Language l = byFileName.get(n);
            if (l == null) {
                l = byFileName.get(n.toLowerCase(Locale.ROOT));
            }
            if (l != null) {
                return Optional.of(l);
            }
            // longest extension first: "x.blade.php" → blade before php
            String lower = n.toLowerCase(Locale.ROOT);
            for (int dot = lower.indexOf('.'); dot >= 0; dot = lower.indexOf('.', dot + 1)) {
                l = byExtension.get(lower.substring(dot + 1));
                if (l != null) {
                    return Optional.of(l);
                }
            }
        }
        return firstLine == null ? Optional.empty() : byFirstLine(firstLine);
    }

    private Optional<Language> byFirstLine(String line) {
        String t = line.strip();
        if (t.startsWith("#!")) {
            String[] words = t.substring(2).trim().split("\\s+");
            String program = words.length == 0 ? "" : words[0].substring(words[0].lastIndexOf('/') + 1);
            int arg = 1;
            if (program.equals("env")) {
                while (arg < words.length && words[arg].startsWith("-")) {
                    arg++; // env -S, env -i
                }
                program = arg < words.length ? words[arg] : "";
            }
            Language l = byInterpreter.get(program);
            if (l == null) {
                l = byInterpreter.get(program.replaceAll("[0-9.]+$", "")); // python3.12 → python
            }
            return Optional.ofNullable(l);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<?xml")) {
            return byId("xml");
        }
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return byId("html");
        }
        if (lower.startsWith("<?php")) {
            return byId("php");
        }
        if (lower.startsWith("diff --git ") || lower.startsWith("--- a/")) {
            return byId("diff");
        }
        return Optional.empty();
    }

    private static LanguageRegistry load() {
        Map<String, Language> byId = new LinkedHashMap<>();
        Map<String, Language> byAlias = new HashMap<>();
        Map<String, Language> byExtension = new HashMap<>();
        Map<String, Language> byFileName = new HashMap<>();
        Map<String, Language> byInterpreter = new HashMap<>();
        Map<String, String[]> detection = new HashMap<>();
        for (String[] row : GrammarCatalog.readTsv("detection.tsv")) {
            detection.merge(row[0], row, (a, b) -> new String[] {a[0], a[1] + "," + b[1], a[2] + "," + b[2], a[3] + "," + b[3]});
        }
        List<CatalogEntry> entries = GrammarCatalog.get().all().stream().filter(e -> !e.injection())
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        for (CatalogEntry e : entries) {
            String[] d = detection.getOrDefault(e.name(), new String[] {e.name(), "", "", ""});
            List<String> exts = new ArrayList<>(GrammarCatalog.list(d[1]));
            exts.addAll(GrammarCatalog.list(d[2]));
            Language lang = new Language(e.name(), e.displayName().isEmpty() ? e.name() : e.displayName(), e.scopeName(),
                    e.aliases(), exts, e.licence());
            byId.put(e.name(), lang);
            e.aliases().forEach(a -> byAlias.putIfAbsent(a.toLowerCase(Locale.ROOT), lang));
            GrammarCatalog.list(d[1]).forEach(x -> byExtension.put(x.toLowerCase(Locale.ROOT), lang));
            GrammarCatalog.list(d[2]).forEach(f -> byFileName.put(f, lang));
            GrammarCatalog.list(d[3]).forEach(i -> byInterpreter.put(i, lang));
        }
        // grammars' own fileTypes fill in what detection.tsv does not say (never overriding it)
        for (CatalogEntry e : entries) {
            for (String ft : e.fileTypes()) {
                if (ft.startsWith(".") || Character.isUpperCase(ft.charAt(0))) {
                    byFileName.putIfAbsent(ft, byId.get(e.name()));
                } else {
                    byExtension.putIfAbsent(ft.toLowerCase(Locale.ROOT), byId.get(e.name()));
                }
            }
        }
        return new LanguageRegistry(byId, byAlias, byFileName, byExtension, byInterpreter, List.of());
    }
}
