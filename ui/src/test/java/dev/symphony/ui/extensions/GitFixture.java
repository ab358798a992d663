package dev.symphony.ui.extensions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The git extension's built archive unpacked as a bundled extension, and the real git executable to check it against. */
final class GitFixture {
    static final String ID = "dev.symphony.samples.git";

    private GitFixture() {
    }

    static boolean gitInstalled() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A folder holding the extension unpacked (what the installers bundle), for {@code KernelContext.bundledRoot}. */
    static Path bundledRoot(Path under) throws IOException {
        Path target = Path.of("..", "sample-extensions", "git", "target").toAbsolutePath().normalize();
        Path zip;
        try (Stream<Path> files = Files.list(target)) {
            zip = files.filter(f -> f.getFileName().toString().endsWith("-plugin.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("the git extension's archive is not built in " + target));
        }
        Path dir = Files.createDirectories(under.resolve("bundled").resolve("git"));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = dir.resolve(e.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("bad entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        }
        return dir.getParent();
    }

    /** Runs git (no user or system config) in {@code repo}; its stdout; fails on a non-zero exit unless {@code mayFail}. */
    static String git(Path repo, boolean mayFail, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Scratch", "-c", "user.email=scratch@example.org",
                "-c", "core.quotePath=false", "-c", "commit.gpgSign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 && !mayFail) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    static String git(Path repo, String... args) throws Exception {
        return git(repo, false, args);
    }

    /** {@code git status --porcelain=v1 -uall --ignored=matching} lines, sorted, ignored folders without their slash. */
    static List<String> porcelain(Path repo) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String l : git(repo, "--no-optional-locks", "status", "--porcelain=v1", "-uall", "--ignored=matching").split("\n")) {
            if (!l.isEmpty()) {
                lines.add(l.endsWith("/") ? l.substring(0, l.length() - 1) : l);
            }
        }
        lines.sort(null);
        return lines;
    }
}
