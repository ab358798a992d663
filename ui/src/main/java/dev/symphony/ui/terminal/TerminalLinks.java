package dev.symphony.ui.terminal;

import com.techsenger.jeditermfx.core.model.hyperlinks.HyperlinkFilter;
import com.techsenger.jeditermfx.core.model.hyperlinks.LinkInfo;
import com.techsenger.jeditermfx.core.model.hyperlinks.LinkResult;
import com.techsenger.jeditermfx.core.model.hyperlinks.LinkResultItem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the clickable parts of a terminal line: URLs, and paths of files that exist, optionally
 * followed by {@code :line} and {@code :line:column} (what compilers, test runners and grep print).
 * A path links only when the file is there, so ordinary words never light up.
 */
final class TerminalLinks implements HyperlinkFilter {
    private static final Pattern URL = Pattern.compile("\\b(?:https?|file)://[-A-Za-z0-9+$&@#/%?=~_|!:,.;()\\[\\]]*[-A-Za-z0-9+$&@#/%=~_|]");
    // a path: optional ~/ ./ ../ or /, then name/name/…; then :line and :column
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w./~@+-])((?:~|\\.{1,2})?/?(?:[\\w.@+-]+/)*[\\w.@+-]*[\\w+-])(?::(\\d{1,9})(?::(\\d{1,9}))?)?");
    private static final int LONGEST_LINE = 4096;
    private final Path directory;
    private final FileLinkOpener files;
    private final Consumer<String> urls;

    /** @param directory what relative paths are relative to: the terminal's start folder */
    TerminalLinks(Path directory, FileLinkOpener files, Consumer<String> urls) {
        this.directory = directory;
        this.files = files;
        this.urls = urls;
    }

    @Override
    public LinkResult apply(String line) {
        if (line.length() > LONGEST_LINE) {
            return null;
        }
        List<LinkResultItem> items = new ArrayList<>();
        Matcher url = URL.matcher(line);
        while (url.find()) {
            String target = url.group();
            items.add(new LinkResultItem(url.start(), url.end(), new LinkInfo(() -> urls.accept(target))));
        }
        Matcher path = PATH.matcher(line);
        while (path.find()) {
            String text = path.group(1);
            boolean positioned = path.group(2) != null;
            if (!(text.contains("/") || positioned) || insideAny(items, path.start())) {
                continue; // a bare word is a file name only with a position after it: Main.java:12
            }
            Path file = resolve(text);
            if (file != null && Files.isRegularFile(file)) {
                int lineNumber = positioned ? Integer.parseInt(path.group(2)) : 0;
                int column = path.group(3) != null ? Integer.parseInt(path.group(3)) : 0;
                items.add(new LinkResultItem(path.start(), path.end(),
                        new LinkInfo(() -> files.open(file, lineNumber, column))));
            }
        }
        return items.isEmpty() ? null : new LinkResult(items);
    }

    private Path resolve(String text) {
        try {
            String expanded = text.equals("~") || text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text;
            return directory.resolve(expanded).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean insideAny(List<LinkResultItem> items, int offset) {
        return items.stream().anyMatch(i -> offset >= i.getStartOffset() && offset < i.getEndOffset());
    }
}
