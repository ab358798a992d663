package dev.symphony.editor.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * What the About / licences view lists: every shipped grammar and theme with its licence and source.
 * Grammars and themes come from the shiki WebJars ({@code org.webjars.npm:shikijs__langs} /
 * {@code shikijs__themes}, MIT); each file keeps the licence of the project it was taken from, recorded
 * by the npm packages {@code tm-grammars} / {@code tm-themes}. Only permissive licences are shipped
 * (see {@code editor/tools/grammar-index.mjs}).
 */
public final class Licences {

    /** One shipped item. {@code kind} is "grammar" or "theme"; {@code licenceUrl} may be empty. */
    public record Entry(String kind, String name, String displayName, String licence, String licenceUrl, String source) {
    }

    private Licences() {
    }

    public static List<Entry> grammars() {
        List<Entry> out = new ArrayList<>();
        for (CatalogEntry e : GrammarCatalog.get().all()) {
            out.add(new Entry("grammar", e.name(), e.displayName().isEmpty() ? e.name() : e.displayName(), e.licence(),
                    e.licenceUrl(), e.source()));
        }
        return out;
    }

    public static List<Entry> themes() {
        return Themes.rows().stream().map(r -> new Entry("theme", r[0], r[1], r[3], r[4], r[5])).toList();
    }

    /** Grammars then themes. */
    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>(grammars());
        out.addAll(themes());
        return out;
    }

    /** Where the grammar and theme files themselves come from (the WebJars and their versions). */
    public static String packages() {
        return "org.webjars.npm:shikijs__langs:" + WebJarSource.LANGS.version() + " and org.webjars.npm:shikijs__themes:"
                + WebJarSource.THEMES.version() + " (MIT, https://github.com/shikijs/shiki); TextMate engine: "
                + "dev.secondsun:org.eclipse.tm4e.core 0.4.8 (EPL-1.0; its classes are bundled in Symphony's editor jar, "
                + "one of them, OnigRegExp, replaced by Symphony's own) with org.jruby.joni (MIT)";
    }
}
