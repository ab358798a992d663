package dev.symphony.editor.syntax;

import java.util.List;

/**
 * A language the editor can highlight.
 *
 * @param id          stable id (shiki's grammar name: {@code java}, {@code shellscript}, {@code cpp}…), used in
 *                    settings ({@code files.associations}) and by {@link LanguageRegistry#byId}
 * @param displayName what menus show
 * @param scopeName   the TextMate root scope ({@code source.java})
 * @param aliases     other ids that {@link LanguageRegistry#byId} accepts ({@code sh}, {@code bash}…)
 * @param extensions  file extensions without the dot, and exact file names, that select it
 * @param licence     SPDX id (or {@code TextMate-bundle-permissive}) of the grammar's licence
 */
public record Language(String id, String displayName, String scopeName, List<String> aliases,
                       List<String> extensions, String licence) {

    public Language {
        aliases = List.copyOf(aliases);
        extensions = List.copyOf(extensions);
    }
}
