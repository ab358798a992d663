package dev.symphony.editor.syntax;

import java.util.List;

/** One row of {@code grammars.tsv}: a grammar shipped inside the shiki WebJar, with its licence. */
record CatalogEntry(String name, String scopeName, String displayName, List<String> aliases,
                    List<String> fileTypes, boolean injection, String licence, String licenceUrl, String source) {
}
