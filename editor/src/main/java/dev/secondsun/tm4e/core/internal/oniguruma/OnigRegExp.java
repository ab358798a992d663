package dev.secondsun.tm4e.core.internal.oniguruma;

import dev.symphony.editor.syntax.RequiredLiterals;
import java.nio.charset.StandardCharsets;
import org.jcodings.specific.UTF8Encoding;
import org.joni.Matcher;
import org.joni.Option;
import org.joni.Regex;
import org.joni.Syntax;
import org.joni.WarnCallback;

/**
 * Symphony's replacement for TM4E 0.4.8's class of this name (the build leaves TM4E's own out of the
 * editor jar; see editor/pom.xml): one grammar pattern, compiled by joni exactly as TM4E does, searched
 * with the same one-entry cache of the last search on the same line, plus a {@link RequiredLiterals}
 * pre-check: when none of the literals every match must contain occurs in the rest of the line, the
 * search answers "no match" without running the regex (the bound is computed once per line from an index
 * of the line's bytes, so the check is one compare per search).
 */
public class OnigRegExp {

    private OnigString lastSearchString;
    private int lastSearchPosition = -1;
    private OnigResult lastSearchResult;
    private final Regex regex;
    private final RequiredLiterals required;
    private OnigString literalsSearched;
    private int literalBound;

    public OnigRegExp(String source) {
        byte[] pattern = source.getBytes(StandardCharsets.UTF_8);
        this.regex = new Regex(pattern, 0, pattern.length, Option.CAPTURE_GROUP, UTF8Encoding.INSTANCE,
                Syntax.DEFAULT, WarnCallback.DEFAULT);
        this.required = RequiredLiterals.of(source);
    }

    public OnigResult search(OnigString str, int position) {
        if (lastSearchString == str && lastSearchPosition <= position
                && (lastSearchResult == null || lastSearchResult.locationAt(0) >= position)) {
            return lastSearchResult;
        }
        lastSearchString = str;
        lastSearchPosition = position;
        byte[] text = str.utf8_value;
        if (required != null && literalsSearched != str) {
            literalsSearched = str;
            literalBound = required.bound(str, text);
        }
        lastSearchResult = required != null && literalBound < position ? null : search(text, position, text.length);
        return lastSearchResult;
    }

    private OnigResult search(byte[] text, int position, int end) {
        Matcher matcher = regex.matcher(text);
        if (matcher.search(position, end, Option.DEFAULT) == -1) {
            return null;
        }
        return new OnigResult(matcher.getEagerRegion(), -1);
    }
}
