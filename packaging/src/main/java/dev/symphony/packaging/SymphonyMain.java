package dev.symphony.packaging;

import dev.symphony.approvals.cli.PolicyCommand;
import dev.symphony.conductor.cli.ApproveCommand;
import dev.symphony.conductor.cli.MelodyCommand;
import dev.symphony.conductor.cli.RunCommand;
import dev.symphony.conductor.cli.ServeCommand;
import dev.symphony.conductor.fqg.cli.FqgCommand;
import dev.symphony.editor.cli.EditCommand;
import dev.symphony.editor.cli.SearchCommand;
import dev.symphony.kernel.cli.AskCommand;
import dev.symphony.kernel.cli.AuditCommand;
import dev.symphony.kernel.cli.SecretCommand;
import dev.symphony.kernel.cli.CallCommand;
import dev.symphony.kernel.cli.ExtCommand;
import dev.symphony.kernel.cli.IndexCommand;
import dev.symphony.kernel.cli.ModelsCommand;
import dev.symphony.kernel.cli.ToolCommand;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.WorkbenchLauncher;
import dev.symphony.ui.probe.StartupProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code symphony} launcher's entry point: global options, then either a subcommand or the
 * IDE itself. Each subcommand's logic lives in its own module; this class only dispatches.
 * Exit status: 0 success, 1 the operation failed, 2 bad usage or invalid input.
 */
public final class SymphonyMain {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

    SymphonyMain() {
        add(new Subcommand("edit", "edit FILE --stats | --replace REGEX REPLACEMENT [--out OUT]",
                "headless editing over the editor engine (JSON line on stdout)", EditCommand::run));
        add(new Subcommand("search", "search [--regex] [-i] [-w] [--glob G]... [--hidden] [--no-ignore] PATTERN [DIR]",
                "search the files below DIR like rg; one JSON line per match, a summary on stderr", SearchCommand::run));
        add(new Subcommand("ext", "ext install ARCHIVE [--sha256 HEX] [--allow-unsigned] [--yes] | list [--json] | enable|disable|remove|trust|untrust ID | pack DIR | keygen --out FILE --publisher NAME | sign ARCHIVE --key FILE | trust add|list|remove | install ID[@VERSION] | search [QUERY] [--category C] | update [ID] | rollback ID | create --kind K NAME | test DIR | publish DIR --key FILE --index FOLDER",
                "install and manage extensions (signed archives, indexes)", ExtCommand::run));
        add(new Subcommand("index", "index build DIR --key FILE",
                "publish a folder of signed extension archives as a signed static index (index.json)", IndexCommand::run));
        add(new Subcommand("melody", "melody publish FILE --id ID --version V --key KEY --index DIR [--category C]... | search [QUERY] [--category C] | import ID[@VERSION] [--to FILE] [--yes] | history ID",
                "Polyphony: publish Melodies to a signed index, find and import them with the extensions they need", MelodyCommand::run));
        add(new Subcommand("call", "call EXTENSION_ID CAPABILITY 'JSON'",
                "call an extension's capability through the bus; prints the JSON result", CallCommand::run));
        add(new Subcommand("models", "models list [--server INSTRUMENT] | test MODEL | probe [--port PORT]",
                "the language models of the model Instruments or of a server (JSON lines), a short test request to one, or the model servers on 127.0.0.1", ModelsCommand::run));
        add(new Subcommand("ask", "ask [--model M] [--max-tokens N] [--temperature T] [--seed S] \"PROMPT\"",
                "stream a model's answer to stdout; usage and cost as a JSON line on stderr (no model configured: the demo model)",
                AskCommand::run));
        add(new Subcommand("audit", "audit verify [AUDIT_DIR]",
                "check the audit log's hash chain; reports the first broken link (exit 1)", AuditCommand::run));
        add(new Subcommand("secret", "secret set NAME | list | remove NAME",
                "the secret store (OS keychain or an encrypted file); set reads the value from standard input", SecretCommand::run));
        add(new Subcommand("policy", "policy check [--policy FILE] [--workspace DIR] 'COMMAND' | --tool TOOL [PATH]",
                "judge a command or tool call by the approval policy: one JSON line (decision, parts, deciding rules)",
                (a, o, e) -> PolicyCommand.run(a, o, e, SymphonyPaths.resolve().configDir())));
        add(new Subcommand("run", "run FILE.melody.json [--input NAME=VALUE]... [--preview] [--yes] [--policy rl|heuristic] | run --resume RUN_ID",
                "run a Melody headless; its event stream as JSON lines (exit 3: waiting for an approval)", RunCommand::run));
        add(new Subcommand("approve", "approve RUN_ID NODE_ID --yes|--no [--by NAME] [--comment TEXT]",
                "answer a Melody run's approval checkpoint", ApproveCommand::run));
        add(new Subcommand("serve", "serve [DIR] [--port N] [--yes] [--policy rl|heuristic]",
                "the conductor with its triggers and the 127.0.0.1 API, until stopped", ServeCommand::run));
        add(new Subcommand("fqg", "fqg generate|train|eval [OPTIONS]",
                "the Function Quest Game: generate puzzles, train the conductor's policy, compare policies", FqgCommand::run));
        add(new Subcommand("startup-probe", "startup-probe [--open PATH] [--screenshot FILE.png]",
                "start the real GUI, print startup timings as one JSON line, exit", StartupProbe::run));
        add(new Subcommand("bench", "bench TARGET [--quick] [--filter REGEX] [-- JMH-ARGS]",
                "run benchmarks (" + String.join(", ", BenchCommand.targets()) + "); one JSON line per benchmark",
                BenchCommand::run));
    }

    private void add(Subcommand subcommand) {
        subcommands.put(subcommand.name(), subcommand);
    }

    public static void main(String[] args) {
        // Every path returns only when its work is done (the IDE when its window closes), so exit
        // here: that also ends any non-daemon library threads.
        System.exit(new SymphonyMain().run(args, System.out, System.err));
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("-")) {
            String option = rest.remove(0);
            switch (option) {
                case "--version", "-V" -> {
                    out.println("symphony " + version());
                    return OK;
                }
                case "--help", "-h" -> {
                    printHelp(out);
                    return OK;
                }
                case "--home" -> {
                    if (rest.isEmpty()) {
                        err.println("symphony: --home needs a folder: --home DIR");
                        return USAGE;
                    }
                    System.setProperty(SymphonyPaths.HOME_PROPERTY, rest.remove(0));
                }
                default -> {
                    err.println("symphony: unknown option '" + option + "'");
                    printUsageHint(err);
                    return USAGE;
                }
            }
        }
        if (rest.isEmpty() || !subcommands.containsKey(rest.get(0)) && !looksLikeSubcommand(rest.get(0))) {
            return runSafely(WorkbenchLauncher::run, rest, out, err);
        }
        Subcommand subcommand = subcommands.get(rest.get(0));
        if (subcommand == null) {
            subcommand = contributedTool(rest.get(0), err);
        }
        if (subcommand == null) {
            err.println("symphony: unknown subcommand '" + rest.get(0) + "'");
            printUsageHint(err);
            return USAGE;
        }
        return runSafely(subcommand.runner(), rest.subList(1, rest.size()), out, err);
    }

    /**
     * A command-line tool an installed (or, in a source checkout, a built sample) extension contributes,
     * reached through the extension registry ({@link ToolCommand}); null when none has that name.
     */
    private static Subcommand contributedTool(String name, PrintStream err) {
        ToolCommand.ContributedTool tool = contributedTools(err).get(name);
        return tool == null ? null : new Subcommand(name, tool.tool().usage(), tool.tool().summary(),
                (args, o, e) -> ToolCommand.run(tool, args, o, e));
    }

    private static Map<String, ToolCommand.ContributedTool> contributedTools(PrintStream err) {
        try {
            return ToolCommand.available();
        } catch (RuntimeException e) {
            err.println("symphony: cannot read the extensions' tools: " + e.getMessage());
            return Map.of();
        }
    }

    /** A bare word that is not an existing path is a mistyped subcommand, not a folder to open. */
    private static boolean looksLikeSubcommand(String word) {
        return word.matches("[a-z][a-z-]*") && !java.nio.file.Files.exists(java.nio.file.Path.of(word));
    }

    private static int runSafely(Subcommand.Runner runner, List<String> args, PrintStream out, PrintStream err) {
        try {
            return runner.run(args.toArray(String[]::new), out, err);
        } catch (Exception e) {
            err.println("symphony: " + e);
            return FAILED;
        }
    }

    private void printHelp(PrintStream out) {
        out.println("Symphony " + version() + " — an AI-first IDE");
        out.println();
        out.println("Usage: symphony [--home DIR] [FOLDER | FILE...] start the IDE (on FOLDER, or on the files and their folder)");
        out.println("       symphony [--home DIR] SUBCOMMAND [ARGS]  run a subcommand");
        out.println("       symphony --version | --help");
        out.println();
        out.println("Subcommands:");
        for (Subcommand s : subcommands.values()) {
            out.printf("  %s%n      %s%n", s.usage(), s.summary());
        }
        Map<String, ToolCommand.ContributedTool> tools = contributedTools(System.err);
        if (!tools.isEmpty()) {
            out.println();
            out.println("Tools from extensions:");
            for (ToolCommand.ContributedTool t : tools.values()) {
                out.printf("  %s%n      %s (%s)%n", t.tool().usage(), t.tool().summary(), t.extensionId());
            }
        }
        out.println();
        out.println("Options:");
        out.println("  --home DIR   keep all user-level config and data under DIR (same as SYMPHONY_HOME=DIR)");
        out.println();
        out.println("stdout carries only results; notices go to stderr. Exit status: 0 success,");
        out.println("1 the operation failed, 2 bad usage or invalid input (a subcommand may add more).");
    }

    private static void printUsageHint(PrintStream err) {
        err.println("Run 'symphony --help' for the list of subcommands and options.");
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = SymphonyMain.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return properties.getProperty("version", "unknown");
    }
}
