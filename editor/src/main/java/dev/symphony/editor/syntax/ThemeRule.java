package dev.symphony.editor.syntax;

import java.util.List;

/** One token-colour rule of a theme: scope selectors (empty = the defaults), foreground, font style words. */
record ThemeRule(List<String> scopes, String foreground, String background, String fontStyle) {
}
