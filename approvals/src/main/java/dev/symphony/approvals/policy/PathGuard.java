package dev.symphony.approvals.policy;

import dev.symphony.approvals.ignore.AgentIgnore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Whether a word of an allowed command may name a path outside the workspace (absolute, {@code ..}, {@code ~},
 * a link that leads out, a glob that could match {@code ..}) or a file the agentignore keeps from agents. Every
 * word of an inspection command is treated as a possible path: a grep pattern that looks like {@code /etc} asks
 * too, which is the safe side.
 */
final class PathGuard {
    private final Path workspace;
    private final Path workspaceReal;
    private final AgentIgnore ignore;

    PathGuard(Path workspace, AgentIgnore ignore) {
        this.workspace = workspace.toAbsolutePath().normalize();
        Path real;
        try {
            real = Files.exists(this.workspace) ? this.workspace.toRealPath() : this.workspace;
        } catch (IOException e) {
            real = this.workspace;
        }
        this.workspaceReal = real;
        this.ignore = ignore;
    }

    /** Why reading what {@code word} may name needs a person's approval, or null when it stays inside. */
    String concern(String word) {
        String candidate = word;
        if (word.startsWith("-")) {
            int eq = word.indexOf('=');
            int slash = word.indexOf('/');
            candidate = eq >= 0 ? word.substring(eq + 1) : slash >= 0 ? word.substring(slash) : null;
            if (candidate == null) {
                return null;
            }
        }
        if (candidate.isEmpty()) {
            return null;
        }
        if (candidate.startsWith("~")) {
            return "names a path in a home folder, outside the workspace: " + word;
        }
        String[] segments = candidate.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith(".") && hasGlob(s)) {
                return "a glob that may match .. (outside the workspace): " + word;
            }
            if (i < segments.length - 1 && hasGlob(s)) {
                return "a glob in a folder name, which the policy does not expand: " + word;
            }
        }
        Path path;
        try {
            path = workspace.resolve(candidate).normalize();
        } catch (InvalidPathException e) {
            return "not a path the policy can check: " + word;
        }
        if (!path.startsWith(workspace)) {
            return "reads outside the workspace: " + word;
        }
        String last = segments[segments.length - 1];
        if (hasGlob(last)) {
            return globConcern(path.getParent(), last, word);
        }
        return fileConcern(path, word);
    }

    private String fileConcern(Path path, String word) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            try {
                if (!existing.toRealPath().startsWith(workspaceReal)) {
                    return "a link that leads out of the workspace: " + word;
                }
            } catch (IOException e) {
                return "a path the policy cannot resolve: " + word;
            }
        }
        if (!path.equals(workspace) && ignore.ignored(workspace.relativize(path).toString(), Files.isDirectory(path))) {
            return "names a file the agentignore keeps from agents: " + word;
        }
        return null;
    }

    private String globConcern(Path folder, String glob, String word) {
        if (folder == null || !Files.isDirectory(folder)) {
            return null;
        }
        String folderConcern = fileConcern(folder, word);
        if (folderConcern != null) {
            return folderConcern;
        }
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(folder, glob)) {
            for (Path match : matches) {
                String concern = fileConcern(match, word);
                if (concern != null) {
                    return concern;
                }
            }
        } catch (IOException | RuntimeException e) {
            return "a glob the policy cannot expand: " + word;
        }
        return null;
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }
}
