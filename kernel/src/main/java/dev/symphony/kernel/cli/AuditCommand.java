package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.audit.AuditVerifier;
import dev.symphony.kernel.paths.SymphonyPaths;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code symphony audit verify [DIR]}: walks the audit log's hash chain (default {@code <data>/audit}) and
 * prints one JSON line: {@code {"ok":true,"entries":N,"files":F,"afterHead":K}}, or {@code "ok":false} with
 * the first broken link's {@code problem}, {@code file} and {@code line}. Exit 0 the chain holds, 1 it is
 * broken (or cannot be read), 2 bad usage.
 */
public final class AuditCommand {
    static final String USAGE = "usage: symphony audit verify [AUDIT_DIR]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("--help")) {
            out.println(USAGE);
            return 0;
        }
        if (args.length < 1 || args.length > 2 || !args[0].equals("verify")) {
            err.println("symphony audit: " + (args.length == 0 ? "needs a command" : "unknown command '" + String.join(" ", args) + "'"));
            err.println(USAGE);
            return 2;
        }
        Path dir = args.length == 2 ? Path.of(args[1]) : SymphonyPaths.resolve().data("audit");
        AuditVerifier.Result r;
        try {
            r = AuditVerifier.verify(dir);
        } catch (IOException | RuntimeException e) {
            err.println("symphony audit verify: cannot read " + dir + ": " + e.getMessage());
            return 1;
        }
        ObjectNode n = JSON.createObjectNode().put("ok", r.ok()).put("entries", r.entries()).put("files", r.files());
        if (r.ok()) {
            n.put("afterHead", r.afterHead());
            out.println(n);
            if (r.afterHead() > 0) {
                err.println("symphony audit verify: " + r.afterHead() + " entries were written after the head was last updated (a crash in between?); they are chained but not anchored");
            }
            return 0;
        }
        n.put("problem", r.problem());
        if (r.file() != null) {
            n.put("file", r.file().toString());
        }
        if (r.line() > 0) {
            n.put("line", r.line());
        }
        out.println(n);
        err.println("symphony audit verify: the chain breaks " + (r.file() == null ? "" : "at " + r.file() + (r.line() > 0 ? ":" + r.line() : "") + ": ")
                + r.problem() + " (" + r.entries() + " entries before it verified)");
        return 1;
    }
}
