package dev.symphony.editor.search.files;

import java.nio.file.Path;
import java.util.List;

/** Every match in one file, in order; {@code relative} is '/'-separated from the searched folder. */
public record FileMatches(Path path, String relative, List<LineMatch> lines, int matchCount) {
}
