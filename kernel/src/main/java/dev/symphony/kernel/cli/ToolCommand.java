package dev.symphony.kernel.cli;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.extensions.Player;
import dev.symphony.kernel.extensions.PlayerState;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.process.JvmFlags;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code symphony NAME ARGS} for a command-line tool an extension contributes ({@code contributes.tools} in
 * its manifest): the launcher reaches it through the extension registry, never through the extension's
 * classes. The tool runs in a JVM of its own — the project's JVM flags, the host classpath (the SDK and its
 * libraries), then the extension's classes and libraries — with this process's standard streams; its exit
 * status is the command's. Only valid, enabled extensions offer tools. A tool runs with the user's rights,
 * outside the extension sandbox (the user started it, with its arguments); {@code symphony ext install}
 * says so before an extension with tools is approved.
 */
public final class ToolCommand {
    /** A tool and the extension that contributes it. */
    public record ContributedTool(String extensionId, ExtensionManifest.Tool tool) {
    }

    private ToolCommand() {
    }

    /**
     * The tools the usable extensions contribute, by name; a name two extensions use goes to the first by id.
     * Cheap (no kernel is started: {@link Kernel#scan}), so the launcher's {@code --help} can list them.
     */
    public static Map<String, ContributedTool> available() {
        Map<String, ContributedTool> tools = new LinkedHashMap<>();
        Kernel.scan(KernelContext.standard()).forEach((id, m) -> m.contributes().tools()
                .forEach(t -> tools.putIfAbsent(t.name(), new ContributedTool(id, t))));
        return tools;
    }

    /** An installed archive's {@code classes/} and {@code lib/*.jar}; a source module's {@code target/classes}, {@code target/lib}. */
    static List<String> extensionClasspath(Player p) {
        Path root = p.development() ? p.dir().resolve("target") : p.dir();
        List<String> entries = new ArrayList<>();
        entries.add(root.resolve("classes").toString());
        Path lib = root.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(j -> entries.add(j.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries;
    }

    /**
     * Runs {@code tool} with {@code args} once the registry has validated its extension (dependencies included);
     * returns the tool's exit status, or 1 when the extension cannot be used.
     */
    public static int run(ContributedTool tool, String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        String classpath;
        try (Kernel kernel = CliKernel.start()) {
            Player p = kernel.player(tool.extensionId()).orElse(null);
            if (p == null || p.manifest() == null || p.state() == PlayerState.FAILED || p.state() == PlayerState.DISABLED) {
                err.println("symphony " + tool.tool().name() + ": the extension " + tool.extensionId() + " that brings this tool "
                        + (p == null ? "is gone" : "cannot be used: " + (p.problem() != null ? p.problem() : p.state())));
                return 1;
            }
            classpath = kernel.hostClasspath() + File.pathSeparator + String.join(File.pathSeparator, extensionClasspath(p));
        }
        JvmFlags flags = JvmFlags.forCurrentRuntime();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags.flags());
        String home = System.getProperty(SymphonyPaths.HOME_PROPERTY);
        if (home != null) {
            cmd.add("-D" + SymphonyPaths.HOME_PROPERTY + "=" + home);
        }
        cmd.add("-Dsymphony.extension=" + tool.extensionId());
        cmd.addAll(List.of("-cp", classpath, tool.tool().mainClass()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(flags.environment());
        pb.environment().put(SymphonyPaths.TOOLS_ENV, SymphonyPaths.resolve().tools().toString()); // where `lsp install` puts servers
        Process process = pb.start();
        Thread stop = new Thread(process::destroy, "stop-" + tool.tool().name());
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            Thread copyErr = copy(process.getErrorStream(), err, tool.tool().name() + "-stderr");
            process.getInputStream().transferTo(out);
            copyErr.join();
            out.flush();
            return process.waitFor();
        } finally {
            process.destroy();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the tool
            }
        }
    }

    private static Thread copy(InputStream from, PrintStream to, String name) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
                to.flush();
            } catch (IOException e) {
                to.println("symphony: lost the tool's stderr: " + e.getMessage());
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
