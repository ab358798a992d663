package dev.symphony.editor.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.search.files.FileMatches;
import dev.symphony.editor.search.files.FileSearch;
import dev.symphony.editor.search.files.FileSearchOptions;
import dev.symphony.editor.search.files.LineMatch;
import dev.symphony.editor.search.files.SearchListener;
import dev.symphony.editor.search.files.SearchSummary;
import dev.symphony.editor.search.files.SkippedFile;
import dev.symphony.editor.workspace.WalkOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * {@code symphony search [--regex] [-i] [-w] [--glob G]… [--hidden] [--no-ignore] [--max-filesize BYTES] PATTERN [DIR]}:
 * the workbench's search across files, headless. One JSON line per match on stdout, a summary on stderr.
 */
public final class SearchCommand {

    static final String USAGE = String.join("\n",
            "usage: symphony search [--regex] [-i] [-w] [--glob G]... [--hidden] [--no-ignore] [--max-filesize BYTES] PATTERN [DIR]",
            "",
            "  Searches the files below DIR (default: the current folder) line by line for PATTERN, a literal",
            "  unless --regex (Java regex syntax); case-sensitive unless -i; -w matches whole words only.",
            "  Like rg: hidden files and folders, files matched by .gitignore (inside a git repository), .ignore",
            "  and .rgignore, and binary files (a NUL byte) are skipped; symbolic links are not followed.",
            "  --glob G        include only files matching G; !G excludes (gitignore syntax, repeatable, beats ignore files)",
            "  --hidden        search hidden files and folders too      --no-ignore   do not read ignore files",
            "  --max-filesize  skip larger files (default " + FileSearchOptions.DEFAULT_MAX_FILE_SIZE + " bytes = 256 MiB; rg has no limit)",
            "",
            "  stdout: one JSON line per match: {\"path\",\"line\",\"column\",\"text\"} (path as DIR/relative, line and",
            "  column 1-based, column in UTF-16 units, text = the whole line); stderr: one summary line.",
            "exit status: 0 the search ran (with or without matches), 1 some files or folders could not be read",
            "             (the others were searched), 2 bad usage, invalid regex or glob, or DIR is not a folder");

    private SearchCommand() {
    }

    /** The launcher runs {@code search} straight on the editor's jars (no dispatcher): see the {@code symphony} script. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        int exit = run(args, out, System.err);
        out.flush();
        SearchCdsTraining.runIfAsked();
        System.exit(exit);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Parsed p;
        try {
            p = Parsed.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("search: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (p.help) {
            out.println(USAGE);
            return 0;
        }
        Path dir = Path.of(p.dir == null ? "." : p.dir);
        if (!Files.isDirectory(dir)) {
            err.println("search: not a folder: " + dir);
            return 2;
        }
        FileSearchOptions options;
        try {
            options = FileSearchOptions.of(p.query).withMaxFileSize(p.maxFileSize)
                    .withWalk(WalkOptions.defaults().withGlobs(p.globs).withHidden(p.hidden).withIgnoreFiles(!p.noIgnore));
            p.query.compile();
        } catch (PatternSyntaxException e) {
            err.println("search: invalid regex: " + e.getDescription() + " near index " + e.getIndex() + " of '" + e.getPattern() + "'");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("search: " + e.getMessage());
            return 2;
        }
        String prefix = p.dir == null ? "" : p.dir.endsWith("/") ? p.dir : p.dir + "/";
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        JsonLines lines = new JsonLines(writer, prefix, err);
        SearchSummary summary = FileSearch.start(dir, options, lines).summary().get();
        synchronized (lines) {
            writer.flush();
        }
        err.printf("search: %d matches in %d files (%d searched; skipped: %d binary, %d over %d bytes, %d unreadable) in %.0f ms%n",
                summary.matches(), summary.filesMatched(), summary.filesSearched(), summary.binarySkipped(),
                summary.largeSkipped(), options.maxFileSize(), summary.unreadable(), summary.elapsedMillis());
        return summary.unreadable() > 0 ? 1 : 0;
    }

    /** Writes each file's matches as one block of JSON lines (blocks from different workers never interleave). */
    private static final class JsonLines implements SearchListener {
        private final Writer writer;
        private final String prefix;
        private final PrintStream err;
        private final StringBuilder block = new StringBuilder();

        JsonLines(Writer writer, String prefix, PrintStream err) {
            this.writer = writer;
            this.prefix = prefix;
            this.err = err;
        }

        @Override
        public void onFile(FileMatches file) {
            JsonStringEncoder json = JsonStringEncoder.getInstance();
            StringBuilder sb = new StringBuilder(256 * file.matchCount());
            String path = new String(json.quoteAsString(prefix + file.relative()));
            for (LineMatch line : file.lines()) {
                String text = new String(json.quoteAsString(line.text()));
                for (int i = 0; i < line.count(); i++) {
                    sb.append("{\"path\":\"").append(path).append("\",\"line\":").append(line.line())
                            .append(",\"column\":").append(line.column(i)).append(",\"text\":\"").append(text).append("\"}\n");
                }
            }
            synchronized (this) {
                try {
                    writer.append(sb);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void onSkipped(SkippedFile skipped) {
            if (skipped.reason() == SkippedFile.Reason.UNREADABLE) {
                synchronized (this) {
                    err.println("search: cannot read " + prefix + skipped.relative() + ": " + skipped.detail());
                }
            }
        }
    }

    private static final class Parsed {
        SearchQuery query;
        String dir;
        final List<String> globs = new ArrayList<>();
        boolean hidden;
        boolean noIgnore;
        boolean help;
        long maxFileSize = FileSearchOptions.DEFAULT_MAX_FILE_SIZE;

        static Parsed parse(String[] args) {
            Parsed p = new Parsed();
            boolean regex = false;
            boolean ignoreCase = false;
            boolean word = false;
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--regex", "-e" -> regex = true;
                    case "-i", "--ignore-case" -> ignoreCase = true;
                    case "-w", "--word" -> word = true;
                    case "--hidden" -> p.hidden = true;
                    case "--no-ignore" -> p.noIgnore = true;
                    case "--help", "-h" -> p.help = true;
                    case "--glob", "-g" -> p.globs.add(value(args, ++i, a));
                    case "--max-filesize" -> {
                        String v = value(args, ++i, a);
                        try {
                            p.maxFileSize = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--max-filesize needs a number of bytes, not '" + v + "'");
                        }
                    }
                    case "--" -> {
                        positional.addAll(List.of(args).subList(i + 1, args.length));
                        i = args.length;
                    }
                    default -> {
                        if (a.startsWith("-") && a.length() > 1) {
                            throw new IllegalArgumentException("unknown option '" + a + "'");
                        }
                        positional.add(a);
                    }
                }
            }
            if (p.help) {
                return p;
            }
            if (positional.isEmpty() || positional.size() > 2) {
                throw new IllegalArgumentException(positional.isEmpty() ? "missing PATTERN" : "too many arguments: " + positional);
            }
            SearchQuery q = new SearchQuery(positional.get(0), regex, !ignoreCase, word);
            p.query = q;
            p.dir = positional.size() == 2 ? positional.get(1) : null;
            return p;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
