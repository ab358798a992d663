package dev.symphony.kernel.cli;

import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.secrets.Passphrase;
import dev.symphony.kernel.secrets.SecretStore;
import dev.symphony.kernel.secrets.SecretStoreException;
import dev.symphony.kernel.secrets.SecretStores;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code symphony secret set NAME | list | remove NAME}: the user's secret store (the OS keychain where one is
 * usable, else the file encrypted with {@code SYMPHONY_PASSPHRASE} or a passphrase asked at the terminal).
 * {@code set} reads the value from standard input (at a terminal: asked without echo; else all of standard input,
 * one trailing newline dropped), so it never appears in a command line, a shell history or a process listing.
 * Values are never printed; {@code list} prints names. Set and remove are audited by name.
 * Exit 0 done, 1 the store failed (locked, wrong passphrase), 2 bad usage, 3 no such secret (remove).
 */
public final class SecretCommand {
    static final String USAGE = "usage: symphony secret set NAME   (the value from standard input) | list | remove NAME";
    static final int MAX_VALUE_BYTES = 64 * 1024;

    private SecretCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, System.console(), SymphonyPaths.resolve(), out, err);
    }

    static int run(String[] args, InputStream in, Console console, SymphonyPaths paths, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("--help")) {
            out.println(USAGE);
            return 0;
        }
        boolean named = args.length == 2 && (args[0].equals("set") || args[0].equals("remove"));
        if (!named && !(args.length == 1 && args[0].equals("list"))) {
            err.println("symphony secret: " + (args.length == 0 ? "needs a command" : "cannot do '" + String.join(" ", args) + "'"));
            err.println(USAGE);
            return 2;
        }
        if (named) {
            try {
                SecretStore.checkName(args[1]);
            } catch (IllegalArgumentException e) {
                err.println("symphony secret: " + e.getMessage());
                return 2;
            }
        }
        SecretStore store = SecretStores.open(paths, () -> Passphrase.obtain(console == null ? null
                : "Passphrase for the Symphony secret store: "));
        try {
            switch (args[0]) {
                case "list" -> store.names().forEach(out::println);
                case "set" -> {
                    String value = readValue(args[1], in, console);
                    if (value == null) {
                        err.println("symphony secret set: no value on standard input; nothing stored");
                        return 2;
                    }
                    store.set(args[1], value);
                    audit(paths, "secret.set", args[1]);
                    err.println("stored secret " + args[1] + " in " + store.where());
                }
                default -> {
                    if (!store.remove(args[1])) {
                        err.println("symphony secret remove: there is no secret " + args[1] + " in " + store.where());
                        return 3;
                    }
                    audit(paths, "secret.remove", args[1]);
                    err.println("removed secret " + args[1] + " from " + store.where());
                }
            }
            return 0;
        } catch (SecretStoreException e) {
            err.println("symphony secret: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("symphony secret: cannot read the value: " + e.getMessage());
            return 1;
        }
    }

    private static String readValue(String name, InputStream in, Console console) throws IOException {
        if (console != null) {
            char[] typed = console.readPassword("Value of %s (not shown): ", name);
            return typed == null || typed.length == 0 ? null : new String(typed);
        }
        byte[] bytes = in.readNBytes(MAX_VALUE_BYTES + 1);
        if (bytes.length > MAX_VALUE_BYTES) {
            throw new IOException("more than " + MAX_VALUE_BYTES + " bytes on standard input");
        }
        String v = new String(bytes, StandardCharsets.UTF_8);
        if (v.endsWith("\r\n")) {
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("\n")) {
            v = v.substring(0, v.length() - 1);
        }
        return v.isEmpty() ? null : v;
    }

    private static void audit(SymphonyPaths paths, String what, String name) {
        try (AuditLog log = new AuditLog(paths.data("audit"))) {
            log.record("user", what, name, true, null);
        }
    }
}
