package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.ipc.api.BusPaths;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.extensions.ArchiveInstaller;
import dev.symphony.kernel.extensions.InstallException;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.PermissionSummary;
import dev.symphony.kernel.extensions.Player;
import dev.symphony.kernel.extensions.Sandbox;
import dev.symphony.kernel.extensions.SandboxPolicy;
import dev.symphony.kernel.signing.SignaturePolicy;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code symphony ext install ARCHIVE [--sha256 HEX] [--allow-unsigned] [--yes] [--accept-new-permissions] | list [--json] |
 * enable ID | disable ID | remove ID}; {@code pack}, {@code keygen}, {@code sign} and {@code trust add|list|remove} are
 * {@link ExtSigningCommands}. Install checks the signature ({@link SignaturePolicy}), shows the permissions an extension
 * asks for and needs approval: typed on a terminal, or {@code --yes}; without a terminal and without {@code --yes} it
 * refuses at once. Installing over an extension that is already there is an update, whatever the command: the prompt
 * shows the permission difference, and a difference needs a terminal answer or {@code --accept-new-permissions}.
 */
public final class ExtCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String USAGE = "usage: symphony ext install ARCHIVE [--sha256 HEX] [--allow-unsigned] [--yes] [--accept-new-permissions] | list [--json]"
            + " | enable ID | disable ID | remove ID | trust ID | untrust ID\n       " + ExtSigningCommands.USAGE
            + "\n       symphony ext install ID[@VERSION] | search [QUERY] [--category C] | update [ID] [--yes] [--accept-new-permissions]"
            + " | rollback ID [--yes]\n       " + ExtAuthorCommands.USAGE;

    private ExtCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, () -> {
            Console c = System.console();
            return c == null ? null : new BufferedReader(c.reader());
        });
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with the terminal (null: none) supplied. */
    public static int run(String[] args, PrintStream out, PrintStream err, Supplier<BufferedReader> terminal) {
        if (args.length == 0 || args[0].equals("--help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            return switch (args[0]) {
                case "install" -> install(args, out, err, terminal);
                case "list" -> list(args, out, err);
                case "pack", "keygen", "sign" -> ExtSigningCommands.run(args, out, err);
                case "create", "test", "publish" -> ExtAuthorCommands.run(args, out, err);
                case "search" -> ExtIndexCommands.search(args, out, err);
                case "update" -> ExtIndexCommands.update(args, out, err, terminal);
                case "rollback" -> ExtIndexCommands.rollback(args, out, err, terminal);
                case "trust" -> ExtSigningCommands.isTrustStoreCommand(args)
                        ? ExtSigningCommands.trust(args, out, err, terminal) : change(args, out, err);
                case "enable", "disable", "remove", "untrust" -> change(args, out, err);
                default -> usage(err, "unknown ext command '" + args[0] + "'");
            };
        } catch (IOException | RuntimeException e) {
            err.println("symphony ext: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("symphony ext: " + problem);
        err.println(USAGE);
        return 2;
    }

    private static int install(String[] args, PrintStream out, PrintStream err, Supplier<BufferedReader> terminal) throws IOException {
        String archive = null;
        String sha = null;
        boolean yes = false;
        boolean allowUnsigned = false;
        boolean acceptNew = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--yes", "-y" -> yes = true;
                case "--allow-unsigned" -> allowUnsigned = true;
                case "--accept-new-permissions" -> acceptNew = true;
                case "--sha256" -> {
                    if (++i >= args.length || !args[i].matches("[0-9A-Fa-f]{64}")) {
                        return usage(err, "--sha256 needs 64 hexadecimal digits");
                    }
                    sha = args[i];
                }
                default -> {
                    if (archive != null || args[i].startsWith("-")) {
                        return usage(err, "unexpected argument '" + args[i] + "'");
                    }
                    archive = args[i];
                }
            }
        }
        if (archive == null) {
            return usage(err, "install needs an ARCHIVE (or an ID from an index)");
        }
        try (Kernel kernel = CliKernel.start()) {
            if (!java.nio.file.Files.exists(Path.of(archive)) && ExtIndexCommands.looksLikeId(archive)) {
                Path downloaded = ExtIndexCommands.download(kernel, archive, err);
                if (downloaded == null) {
                    return 1;
                }
                archive = downloaded.toString();
            }
            return install(kernel, Path.of(archive), sha, allowUnsigned, yes, new ExtIndexCommands.Update(null, acceptNew), out, err, terminal);
        }
    }

    /**
     * Installs {@code file} with every check and prompt. When a version is installed ({@code update}'s manifest, or
     * else the one installed under the archive's id) the prompt shows what changes in the permissions, and a change
     * needs an answer at a terminal unless {@code update} accepts new permissions ({@code --accept-new-permissions}).
     */
    static int install(Kernel kernel, Path file, String sha, boolean allowUnsigned, boolean yes, ExtIndexCommands.Update update,
                       PrintStream out, PrintStream err, Supplier<BufferedReader> terminal) throws IOException {
        String archive = file.toString();
        {
            ArchiveInstaller installer = new ArchiveInstaller(kernel.store());
            ArchiveInstaller.Prepared prepared;
            try {
                prepared = installer.prepare(file, sha);
            } catch (InstallException e) {
                kernel.audit().record("user", "ext.install", archive, false, "refused: " + e.getMessage());
                err.println("symphony ext install: " + e.getMessage());
                return e.exitCode();
            }
            ExtensionManifest m = prepared.manifest();
            List<String> missing = new ArrayList<>();
            for (ExtensionManifest.Dependency d : m.dependencies()) {
                if (kernel.player(d.id()).map(Player::manifest).isEmpty()) {
                    missing.add(d.id() + " " + d.version());
                }
            }
            if (!missing.isEmpty()) {
                installer.abort(prepared);
                kernel.audit().record("user", "ext.install", m.id(), false, "refused: needs " + String.join(", ", missing));
                err.println("symphony ext install: " + m.id() + " needs " + String.join(", ", missing) + ": install those first");
                return 1;
            }
            SignaturePolicy.Decision signature = ExtSigningCommands.checkSignature(kernel, installer, prepared, allowUnsigned, archive, err, terminal);
            if (signature == null) {
                return 1;
            }
            boolean changed = false;
            ExtensionManifest before = update.installed() != null ? update.installed()
                    : kernel.player(m.id()).filter(p -> p.origin() == Player.Origin.INSTALLED).map(Player::manifest).orElse(null);
            if (before != null) {
                changed = ExtIndexCommands.describeChange(before, m, err) && !update.acceptNewPermissions();
            } else {
                describePermissions(m, err);
            }
            if (!yes || changed) {
                BufferedReader tty = terminal.get();
                if (tty == null) {
                    installer.abort(prepared);
                    kernel.audit().record("user", "ext.install", m.id(), false, "not approved: no terminal to ask");
                    err.println("symphony ext install: approval needed and there is no terminal to ask; re-run with "
                            + (changed ? "--accept-new-permissions to approve the changed permissions" : "--yes to approve these permissions"));
                    return 1;
                }
                err.print("Approve and install " + m.id() + " " + m.version() + "? [y/N] ");
                err.flush();
                String answer = tty.readLine();
                if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                    installer.abort(prepared);
                    kernel.audit().record("user", "ext.install", m.id(), false, "not approved at the prompt");
                    err.println("symphony ext install: not approved; nothing installed");
                    return 1;
                }
            }
            Path dir;
            try {
                dir = installer.commit(prepared);
            } catch (InstallException e) {
                kernel.audit().record("user", "ext.install", m.id(), false, "refused: " + e.getMessage());
                err.println("symphony ext install: " + e.getMessage());
                return e.exitCode();
            }
            kernel.audit().record("user", "ext.install", m.id(), true, "version " + m.version() + "; " + signature.audit());
            ExtIndexCommands.keepForRollback(kernel, m, file);
            out.println(JSON.createObjectNode().put("installed", m.id()).put("version", m.version()).put("path", dir.toString()));
            return 0;
        }
    }

    static void describePermissions(ExtensionManifest m, PrintStream err) {
        err.println(PermissionSummary.heading(m));
        PermissionSummary.lines(m).forEach(err::println);
    }

    private static int list(String[] args, PrintStream out, PrintStream err) {
        boolean json = args.length > 1 && args[1].equals("--json");
        if (args.length > 2 || (args.length == 2 && !json)) {
            return usage(err, "list takes only --json");
        }
        try (Kernel kernel = CliKernel.start()) {
            for (Player p : kernel.players()) {
                ExtensionManifest m = p.manifest();
                SandboxPolicy.Decision sandbox = SandboxPolicy.decide(p, Sandbox.Mode.fromProperty(), kernel.store());
                if (json) {
                    ObjectNode n = JSON.createObjectNode().put("id", p.id())
                            .put("version", m == null ? null : m.version())
                            .put("kind", m == null ? null : m.kind().name().toLowerCase(Locale.ROOT))
                            .put("state", p.state().name()).put("development", p.development())
                            .put("bundled", p.origin() == Player.Origin.BUNDLED);
                    n.putObject("sandbox").put("mode", sandbox.label()).put("reason", sandbox.reason());
                    if (p.problem() != null) {
                        n.put("problem", p.problem());
                    }
                    ArrayNode caps = n.putArray("capabilities");
                    if (m != null) {
                        for (ExtensionManifest.Capability c : m.capabilities()) {
                            ObjectNode cn = caps.addObject().put("name", c.name()).put("kind", c.kind().name().toLowerCase(Locale.ROOT))
                                    .put("streaming", c.streaming()).<ObjectNode>set("input", c.input()).set("output", c.output());
                            if (c.kind() == ExtensionManifest.Kind.INSTRUMENT) {
                                // as recorded by the kernel that last ran the host (IDE, a `symphony call`)
                                cn.set("model", kernel.recordedModelState(p.id(), c.name())
                                        .orElseGet(() -> JSON.createObjectNode().put("state", "IDLE")));
                            }
                        }
                    }
                    out.println(n);
                } else {
                    String origin = p.development() ? " (source checkout)" : p.origin() == Player.Origin.BUNDLED ? " (bundled)" : "";
                    out.printf("%-40s %-10s %-11s %-10s %-13s%s%n", p.id(), m == null ? "?" : m.version(),
                            m == null ? "?" : m.kind().name().toLowerCase(Locale.ROOT), p.state(), sandbox.label(),
                            origin + (p.problem() == null ? "" : " — " + p.problem())
                                    + (sandbox.sandboxed() ? "" : " — " + sandbox.reason()));
                }
            }
        }
        return 0;
    }

    private static int change(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            return usage(err, args[0] + " needs exactly one extension ID");
        }
        String id = args[1];
        try (Kernel kernel = CliKernel.start()) {
            Player p = kernel.player(id).orElse(null);
            if (p == null) {
                err.println("symphony ext " + args[0] + ": no extension " + id + " (see `symphony ext list`)");
                return 2;
            }
            switch (args[0]) {
                case "trust" -> {
                    if (p.manifest() == null) {
                        err.println("symphony ext trust: " + id + " has no readable manifest: " + p.problem());
                        return 1;
                    }
                    kernel.store().trust(id, p.manifest().version());
                    kernel.audit().record("user", "ext.trust", id, true, "version " + p.manifest().version()
                            + " may run without an OS sandbox where none is available");
                    err.println("symphony ext trust: " + id + " " + p.manifest().version() + " may now run without an OS sandbox"
                            + " (with your full rights) where none is available; a new version needs trusting again");
                }
                case "untrust" -> {
                    kernel.store().trust(id, null);
                    kernel.audit().record("user", "ext.untrust", id, true, null);
                }
                case "enable" -> kernel.enable(id);
                case "disable" -> kernel.disable(id);
                default -> {
                    if (p.development()) {
                        err.println("symphony ext remove: " + id + " is a module of this source checkout, not an installed extension");
                        return 1;
                    }
                    if (p.origin() == Player.Origin.BUNDLED) {
                        err.println("symphony ext remove: " + id + " ships with Symphony and cannot be removed; "
                                + "`symphony ext disable " + id + "` turns it off");
                        return 1;
                    }
                    kernel.disable(id);
                    BusPaths.deleteRecursively(kernel.store().folderOf(id));
                    kernel.store().forget(id);
                }
            }
            out.println(JSON.createObjectNode().put(switch (args[0]) {
                case "remove" -> "removed";
                case "trust", "untrust" -> args[0] + "ed";
                default -> args[0] + "d";
            }, id));
            return 0;
        }
    }
}
