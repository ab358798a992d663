package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.marketplace.ExtensionIndex;
import dev.symphony.kernel.marketplace.IndexBuilder;
import dev.symphony.kernel.marketplace.IndexException;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.SignatureException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code symphony index build DIR --key FILE}: a folder of signed archives becomes a signed static index. */
public final class IndexCommand {
    static final String USAGE = "usage: symphony index build DIR --key FILE";

    private IndexCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 4 || !args[0].equals("build") || !args[2].equals("--key")) {
            (args.length == 1 && args[0].equals("--help") ? out : err).println(USAGE);
            return args.length == 1 && args[0].equals("--help") ? 0 : 2;
        }
        Path dir = Path.of(args[1]);
        if (!Files.isDirectory(dir)) {
            err.println("symphony index build: no such folder: " + dir);
            return 2;
        }
        try {
            ExtensionIndex index = IndexBuilder.build(dir, PublisherKey.read(Path.of(args[3])));
            int releases = index.extensions().stream().mapToInt(e -> e.releases().size()).sum();
            out.println(new ObjectMapper().createObjectNode().put("index", dir.resolve(IndexBuilder.INDEX).toString())
                    .put("extensions", index.extensions().size()).put("releases", releases));
            return 0;
        } catch (IndexException | SignatureException e) {
            err.println("symphony index build: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("symphony index build: " + e.getMessage());
            return 1;
        }
    }
}
