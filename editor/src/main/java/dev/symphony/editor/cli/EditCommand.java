package dev.symphony.editor.cli;

import dev.symphony.editor.file.NotTextException;
import dev.symphony.editor.file.TextDecoder;
import dev.symphony.editor.file.TextFile;
import dev.symphony.editor.file.TextFiles;
import dev.symphony.editor.search.LineReplacer;
import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
