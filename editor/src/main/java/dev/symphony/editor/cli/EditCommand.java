package dev.symphony.editor.cli;

import dev.symphony.editor.file.AtomicWriter;
import dev.symphony.editor.file.NotTextException;
import dev.symphony.editor.file.TextDecoder;
import dev.symphony.editor.file.TextFile;
import dev.symphony.editor.file.TextFiles;
import dev.symphony.editor.search.LineReplacer;
import dev.symphony.editor.search.Utf8LineReplace;
import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code symphony edit FILE --stats} and {@code symphony edit FILE --replace REGEX REPLACEMENT [--out OUT]}.
 * Exit 0 on success (zero matches included), 1 when the operation fails (e.g. the disk refuses the
 * write), 2 for bad usage or input (missing or binary file, invalid regex); the input is never
 * touched on failure.
 */
public final class EditCommand {

    static final String USAGE = String.join("\n",
            "usage: symphony edit FILE --stats",
            "       symphony edit FILE --replace REGEX REPLACEMENT [--out OUT]",
            "",
            "  --stats      load FILE and print {\"bytes\",\"codePoints\",\"utf16Units\",\"lines\",\"encoding\",\"lineEnding\",\"loadMs\"}",
            "  --replace    replace every match of REGEX (Java syntax, applied line by line like sed; ^ and $",
            "               are line anchors; a pattern containing \\n may span lines) by REPLACEMENT ($1, ${name});",
            "               writes OUT, or FILE atomically; prints {\"matches\",\"ms\"}; zero matches leaves FILE untouched",
            "",
            "exit status: 0 success, 1 operation failed, 2 bad usage or input");

    private EditCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        long t0 = System.nanoTime();
        Args a;
        try {
            a = Args.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("edit: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (a.help) {
            out.println(USAGE);
            return 0;
        }
        Pattern pattern = null;
        LineReplacer replacer = null;
        if (a.regex != null) {
            try {
                pattern = Pattern.compile(a.regex);
                replacer = new LineReplacer(pattern, a.replacement);
            } catch (PatternSyntaxException e) {
                err.println("edit: invalid regex: " + e.getDescription() + " near index " + e.getIndex()
                        + " of '" + e.getPattern() + "'");
                return 2;
            } catch (IllegalArgumentException e) {
                err.println("edit: invalid replacement: " + e.getMessage());
                return 2;
            }
        }
        if (replacer != null) {
            Integer fast = replaceBytes(a, replacer, t0, out, err);
            if (fast != null) {
                return fast;
            }
        }
        TextFile file;
        try {
            if (!Files.exists(a.file)) {
                throw new NoSuchFileException(a.file.toString());
            }
            file = new TextDecoder().load(a.file);
        } catch (NoSuchFileException e) {
            err.println("edit: no such file: " + a.file);
            return 2;
        } catch (NotTextException e) {
            err.println("edit: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("edit: cannot read " + a.file + ": " + e);
            return 2;
        }
        if (replacer == null) {
            Rope r = file.text();
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            out.println("{\"bytes\":" + file.bytes() + ",\"codePoints\":" + r.codePoints() + ",\"utf16Units\":" + r.length()
                    + ",\"lines\":" + r.lineBreaks() + ",\"encoding\":\"" + file.encoding().label()
                    + "\",\"lineEnding\":\"" + file.lineEnding().label() + "\",\"loadMs\":" + loadMs + "}");
            return 0;
        }
        LineReplacer.Result result;
        try {
            result = replacer.replaceAll(file.text());
        } catch (RuntimeException e) {
            err.println("edit: replacement failed: " + e.getMessage());
            return 2;
        }
        Path target = a.outFile != null ? a.outFile : a.file;
        if (result.matches() > 0 || a.outFile != null) {
            try {
                TextFiles.save(target, result.text(), file.encoding());
            } catch (IOException e) {
                err.println("edit: cannot write " + target + ": " + e.getMessage());
                return 1;
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        out.println("{\"matches\":" + result.matches() + ",\"ms\":" + ms + "}");
        return 0;
    }

    /**
     * The byte-level replace ({@link Utf8LineReplace}) when the file allows it: the exit code, or null
     * to take the rope path (which also reports a missing, unreadable or binary file).
     */
    private static Integer replaceBytes(Args a, LineReplacer replacer, long t0, PrintStream out, PrintStream err) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(a.file) || Files.size(a.file) > Integer.MAX_VALUE - 64) {
                return null;
            }
            bytes = readMapped(a.file);
        } catch (IOException e) {
            return null;
        }
        Utf8LineReplace.Result result;
        try {
            result = new Utf8LineReplace(replacer).replace(bytes, bytes.length);
        } catch (RuntimeException e) {
            err.println("edit: replacement failed: " + e.getMessage());
            return 2;
        }
        if (result == null) {
            return null;
        }
        Path target = a.outFile != null ? a.outFile : a.file;
        if (result.matches() > 0 || a.outFile != null) {
            try {
                AtomicWriter.write(target, result);
            } catch (IOException e) {
                err.println("edit: cannot write " + target + ": " + e.getMessage());
                return 1;
            }
        }
        out.println("{\"matches\":" + result.matches() + ",\"ms\":" + (System.nanoTime() - t0) / 1_000_000 + "}");
        return 0;
    }

    /**
     * The file's bytes through a mapping: one copy from the page cache ({@code Files.readAllBytes}
     * reads through a temporary native buffer of the file's size, a second copy and 10 MB more of
     * fresh memory to fault in for a 10 MB file).
     */
    private static byte[] readMapped(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            byte[] b = new byte[(int) size];
            if (size > 0) {
                ch.map(FileChannel.MapMode.READ_ONLY, 0, size).get(b);
            }
            return b;
        }
    }

    /** For running the command by hand: {@code java -cp editor.jar dev.symphony.editor.cli.EditCommand ...}. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        CdsTraining.runIfAsked();
        System.exit(code);
    }

    private static final class Args {
        Path file;
        boolean stats;
        boolean help;
        String regex;
        String replacement;
        Path outFile;

        static Args parse(String[] args) {
            Args a = new Args();
            for (int i = 0; i < args.length; i++) {
                String s = args[i];
                switch (s) {
                    case "--help", "-h" -> a.help = true;
                    case "--stats" -> a.stats = true;
                    case "--replace" -> {
                        if (i + 2 >= args.length) {
                            throw new IllegalArgumentException("--replace needs REGEX and REPLACEMENT");
                        }
                        if (a.regex != null) {
                            throw new IllegalArgumentException("--replace given twice");
                        }
                        a.regex = args[++i];
                        a.replacement = args[++i];
                    }
                    case "--out" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--out needs a file name");
                        }
                        a.outFile = Path.of(args[++i]);
                    }
                    default -> {
                        if (s.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + s);
                        }
                        if (a.file != null) {
                            throw new IllegalArgumentException("unexpected argument '" + s + "' (FILE is already " + a.file + ")");
                        }
                        a.file = Path.of(s);
                    }
                }
            }
            if (a.help) {
                return a;
            }
            if (a.file == null) {
                throw new IllegalArgumentException("missing FILE");
            }
            if (a.stats == (a.regex != null)) {
                throw new IllegalArgumentException("give exactly one of --stats or --replace");
            }
            if (a.outFile != null && a.regex == null) {
                throw new IllegalArgumentException("--out only goes with --replace");
            }
            return a;
        }
    }
}
