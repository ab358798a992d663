package dev.symphony.approvals.ignore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The files agents must not read or put into a model's context: {@code .symphony/agentignore} in gitignore
 * syntax, matched by JGit's own ignore rules, after the built-in defaults ({@link #DEFAULTS}: {@code .env} files;
 * a line {@code !.env} in the file lets them through again, as in gitignore later lines win).
 */
public final class AgentIgnore {
    public static final String FILE = ".symphony/agentignore";
    public static final List<String> DEFAULTS = List.of(".env", ".env.*", "!.env.example", "!.env.sample", "!.env.template");

    private final IgnoreNode node;

    private AgentIgnore(IgnoreNode node) {
        this.node = node;
    }

    /** The defaults plus {@code text} (the file's content, gitignore syntax). */
    public static AgentIgnore of(String text) {
        IgnoreNode node = new IgnoreNode();
        String all = String.join("\n", DEFAULTS) + "\n" + text;
        try {
            node.parse(FILE, new ByteArrayInputStream(all.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AgentIgnore(node);
    }

    /** The workspace's {@code .symphony/agentignore} over the defaults; the defaults alone when there is none. */
    public static AgentIgnore load(Path workspace) throws IOException {
        Path file = workspace.resolve(FILE);
        return of(Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "");
    }

    /**
     * Whether {@code relativePath} (relative to the workspace, {@code /} separators) is kept from agents: the path
     * itself or one of its folders is matched.
     */
    public boolean ignored(String relativePath, boolean directory) {
        String path = relativePath.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.isEmpty() || path.equals(".")) {
            return false;
        }
        String[] segments = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].isEmpty()) {
                continue;
            }
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(segments[i]);
            boolean last = i == segments.length - 1;
            Boolean verdict = node.checkIgnored(prefix.toString(), !last || directory);
            if (Boolean.TRUE.equals(verdict)) {
                return true;
            }
        }
        return false;
    }
}
