package dev.symphony.editor.syntax;

import dev.secondsun.tm4e.core.grammar.IGrammar;
import dev.secondsun.tm4e.core.registry.IRegistryOptions;
import dev.secondsun.tm4e.core.registry.Registry;
import dev.secondsun.tm4e.core.theme.IRawTheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A TM4E {@link Registry} over the shipped grammars, for one theme (TM4E bakes the theme's colour ids
 * into the tokens). Grammars load lazily, with every regex passed through {@link PatternRewriter}
 * first. Grammars embedded by scope ({@code "include": "source.css"}) that are not shipped resolve to
 * nothing, so those regions stay unhighlighted.
 */
final class GrammarRegistry {

    private static volatile Map<String, List<String>> injectionsByTarget;

    private final Registry registry;
    private final Map<String, IGrammar> loaded = new HashMap<>();

    GrammarRegistry(IRawTheme theme) {
        this.registry = new Registry(new Options());
        registry.setTheme(theme);
    }

    /** The grammar for a shipped scope name; throws if it does not load. */
    synchronized IGrammar grammar(String scopeName) {
        IGrammar g = loaded.get(scopeName);
        if (g == null) {
            if (GrammarCatalog.get().byScope(scopeName) == null) {
                throw new IllegalArgumentException("no shipped grammar has scope " + scopeName);
            }
            g = registry.loadGrammar(scopeName);
            if (g == null) {
                throw new IllegalStateException("TM4E returned no grammar for " + scopeName);
            }
            loaded.put(scopeName, g);
        }
        return g;
    }

    /** The grammar's JSON, regexes rewritten for joni. Null if no shipped grammar has this scope. */
    static byte[] rewrittenJson(String scopeName) {
        CatalogEntry e = GrammarCatalog.get().byScope(scopeName);
        if (e == null) {
            return null;
        }
        String json = WebJarSource.LANGS.json(e.name());
        if (json == null) {
            throw new IllegalStateException("the shiki WebJar has no grammar module " + e.name());
        }
        try {
            return GrammarJsonRewriter.rewrite(json);
        } catch (IOException ex) {
            throw new UncheckedIOException("grammar " + e.name(), ex);
        }
    }

    private static Map<String, List<String>> injections() {
        Map<String, List<String>> m = injectionsByTarget;
        if (m == null) {
            m = new HashMap<>();
            for (CatalogEntry e : GrammarCatalog.get().all()) {
                if (!e.injection()) {
                    continue;
                }
                try {
                    for (String target : GrammarJsonRewriter.injectTo(WebJarSource.LANGS.json(e.name()))) {
                        m.computeIfAbsent(target, k -> new ArrayList<>()).add(e.scopeName());
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException("grammar " + e.name(), ex);
                }
            }
            injectionsByTarget = m;
        }
        return m;
    }

    private static final class Options implements IRegistryOptions {
        @Override
        public String getFilePath(String scopeName) {
            CatalogEntry e = GrammarCatalog.get().byScope(scopeName);
            return e == null ? null : e.name() + ".json"; // TM4E picks its parser by the extension
        }

        @Override
        public InputStream getInputStream(String scopeName) {
            byte[] json = rewrittenJson(scopeName);
            return json == null ? null : new ByteArrayInputStream(json);
        }

        @Override
        public Collection<String> getInjections(String scopeName) {
            return injections().getOrDefault(scopeName, List.of());
        }
    }
}
