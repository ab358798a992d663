package dev.symphony.samples.lsp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code symphony lsp install NAME} (and {@code symphony lsp list}): installs a server's pinned npm packages into the
 * tools folder, where the extension looks first. The only code of the extension that downloads anything, and only
 * when the user runs it. Needs {@code npm} (and {@code node} to run the servers) on the {@code PATH}.
 */
public final class LspInstall {
    private LspInstall() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, ToolsFolder.fromEnvironment(System.getenv()), System.out, System.err));
    }

    static int run(String[] args, ToolsFolder tools, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        ServerSpecs specs = ServerSpecs.defaults();
        if (args.length == 1 && args[0].equals("list")) {
            for (ServerSpec s : specs.all()) {
                Optional<Path> found = tools.find(s);
                out.println(s.name() + "\t" + String.join(" ", s.npmPackages()) + "\t" + found.map(Path::toString).orElse("not installed"));
            }
            return 0;
        }
        if (args.length != 2 || !args[0].equals("install")) {
            err.println("usage: symphony lsp install NAME | symphony lsp list   (NAME: "
                    + String.join(", ", specs.all().stream().map(ServerSpec::name).toList()) + ")");
            return 2;
        }
        ServerSpec spec = specs.named(args[1]).orElse(null);
        if (spec == null) {
            err.println("symphony lsp install: no server named '" + args[1] + "'; known: "
                    + String.join(", ", specs.all().stream().map(ServerSpec::name).toList()));
            return 2;
        }
        Path dir = tools.installDir(spec).orElse(null);
        if (dir == null) {
            err.println("symphony lsp install: the tools folder is not known (" + ToolsFolder.ENV + " is not set; run it through symphony)");
            return 1;
        }
        Optional<Path> npm = tools.onPath(isWindows() ? "npm.cmd" : "npm");
        Optional<Path> node = tools.onPath(isWindows() ? "node.exe" : "node");
        if (npm.isEmpty() || node.isEmpty()) {
            err.println("symphony lsp install: " + (npm.isEmpty() ? "npm" : "node") + " is not on the PATH. Install Node.js 20 or newer"
                    + " (Debian/Ubuntu: sudo apt install nodejs npm; elsewhere https://nodejs.org), then run this again.");
            return 1;
        }
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of(npm.get().toString(), "install", "--no-audit", "--no-fund", "--prefix", dir.toString()));
        cmd.addAll(spec.npmPackages());
        err.println("symphony lsp install: " + String.join(" ", spec.npmPackages()) + " into " + dir);
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        int status = p.waitFor();
        if (status != 0) {
            err.println("symphony lsp install: npm failed with status " + status + " (its output is above)");
            return 1;
        }
        Optional<Path> installed = tools.find(spec);
        if (installed.isEmpty() || !installed.get().startsWith(dir)) {
            err.println("symphony lsp install: npm finished but " + spec.command() + " is not in " + dir.resolve("node_modules/.bin"));
            return 1;
        }
        out.println(installed.get());
        return 0;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
    }
}
