package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.manifest.ManifestException;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.extensions.ArchiveInstaller;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.signing.ArchivePacker;
import dev.symphony.kernel.signing.ArchiveSigner;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.SignatureException;
import dev.symphony.kernel.signing.SignaturePolicy;
import dev.symphony.kernel.signing.TrustedPublishers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code symphony ext pack DIR [--out FILE] | keygen --out FILE --publisher NAME | sign ARCHIVE --key FILE |
 * trust add FILE.pub [--yes] | trust list | trust remove FINGERPRINT}, and the signature step of
 * {@code ext install} ({@link #checkSignature}).
 */
final class ExtSigningCommands {
    static final String USAGE = "symphony ext pack DIR [--out FILE] | keygen --out FILE --publisher NAME | sign ARCHIVE --key FILE"
            + " | trust add FILE.pub [--yes] | trust list | trust remove FINGERPRINT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtSigningCommands() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Options o = Options.parse(args, Set.of("--out", "--key", "--publisher"));
        if (o.problem != null) {
            return usage(err, o.problem);
        }
        try {
            switch (args[0]) {
                case "pack" -> {
                    if (o.positional == null) {
                        return usage(err, "pack needs a DIR");
                    }
                    ArchivePacker.Packed p = ArchivePacker.pack(Path.of(o.positional), o.value("--out").map(Path::of).orElse(null));
                    out.println(JSON.createObjectNode().put("packed", p.manifest().id()).put("version", p.manifest().version())
                            .put("archive", p.archive().toString()).put("entries", p.entries()));
                }
                case "keygen" -> {
                    if (o.value("--out").isEmpty() || o.value("--publisher").isEmpty() || o.positional != null) {
                        return usage(err, "keygen needs --out FILE and --publisher NAME (the manifests' \"publisher\")");
                    }
                    Path file = Path.of(o.value("--out").get());
                    PublisherKey key = PublisherKey.generate(o.value("--publisher").get());
                    key.write(file);
                    err.println("symphony ext keygen: private key " + file + " (mode 0600: keep it secret), public key "
                            + PublisherKey.publicFile(file) + " (give it to your users)");
                    out.println(JSON.createObjectNode().put("key", file.toString()).put("publicKey", PublisherKey.publicFile(file).toString())
                            .put("publisher", key.publisher()).put("fingerprint", key.fingerprint()));
                }
                default -> {
                    if (o.positional == null || o.value("--key").isEmpty()) {
                        return usage(err, "sign needs an ARCHIVE and --key FILE");
                    }
                    PublisherKey key = PublisherKey.read(Path.of(o.value("--key").get()));
                    int n = ArchiveSigner.sign(Path.of(o.positional), key);
                    out.println(JSON.createObjectNode().put("signed", o.positional).put("entries", n)
                            .put("publisher", key.publisher()).put("fingerprint", key.fingerprint()));
                }
            }
            return 0;
        } catch (ManifestException | SignatureException e) {
            err.println("symphony ext " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    static boolean isTrustStoreCommand(String[] args) {
        return args.length >= 2 && Set.of("add", "list", "remove").contains(args[1]);
    }

    static int trust(String[] args, PrintStream out, PrintStream err, Supplier<BufferedReader> terminal) throws IOException {
        SymphonyPaths paths = SymphonyPaths.resolve();
        TrustedPublishers store = new TrustedPublishers(paths.configDir());
        switch (args[1]) {
            case "list" -> {
                for (TrustedPublishers.Trusted t : store.list()) {
                    out.println(JSON.createObjectNode().put("publisher", t.publisher()).put("fingerprint", t.fingerprint()).put("added", t.added()));
                }
                return 0;
            }
            case "remove" -> {
                if (args.length != 3) {
                    return usage(err, "trust remove needs a FINGERPRINT (8 or more of its first hexadecimal digits)");
                }
                Optional<TrustedPublishers.Trusted> gone = store.remove(args[2]);
                if (gone.isEmpty()) {
                    err.println("symphony ext trust remove: no trusted key's fingerprint starts with " + args[2] + " (see `symphony ext trust list`)");
                    return 1;
                }
                audit(paths, "ext.publisher.untrust", gone.get());
                out.println(JSON.createObjectNode().put("untrusted", gone.get().fingerprint()).put("publisher", gone.get().publisher()));
                return 0;
            }
            default -> {
                boolean yes = args.length == 4 && args[3].equals("--yes");
                if (args.length != 3 && !yes) {
                    return usage(err, "trust add needs a public key file (FILE.pub from `symphony ext keygen`)");
                }
                PublisherKey.Public key;
                try {
                    key = PublisherKey.readPublic(Path.of(args[2]));
                } catch (SignatureException e) {
                    err.println("symphony ext trust add: " + e.getMessage());
                    return 2;
                }
                err.println("Publisher '" + key.publisher() + "', key " + PublisherKey.display(key.fingerprint()));
                if (!yes && !ask(terminal, err, "Trust extensions this key signs? [y/N] ")) {
                    err.println("symphony ext trust add: not trusted (at a terminal answer y, or re-run with --yes)");
                    return 1;
                }
                TrustedPublishers.Trusted t = store.add(key.publisher(), key.key());
                audit(paths, "ext.publisher.trust", t);
                out.println(JSON.createObjectNode().put("trusted", t.fingerprint()).put("publisher", t.publisher()));
                return 0;
            }
        }
    }

    /**
     * The signature step of {@code ext install}: prints what the signature says and asks to trust a new key
     * at a terminal. Null: refused (the prepared archive is aborted, the refusal printed and audited).
     */
    static SignaturePolicy.Decision checkSignature(Kernel kernel, ArchiveInstaller installer, ArchiveInstaller.Prepared prepared,
                                                   boolean allowUnsigned, String archive, PrintStream err, Supplier<BufferedReader> terminal)
            throws IOException {
        TrustedPublishers trust = new TrustedPublishers(kernel.paths().configDir());
        String id = prepared.manifest().id();
        SignaturePolicy.Decision d = SignaturePolicy.decide(prepared.signature(), prepared.manifest().publisher(), trust, allowUnsigned, archive);
        if (d.refused()) {
            installer.abort(prepared);
            kernel.audit().record("user", "ext.install", id, false, d.audit());
            err.println("symphony ext install: " + d.message());
            return null;
        }
        err.println(d.message());
        if (d.kind() == SignaturePolicy.Kind.ASK_TRUST) {
            if (!ask(terminal, err, "Trust this publisher key (from now on, for every extension it signs)? [y/N] ")) {
                installer.abort(prepared);
                kernel.audit().record("user", "ext.install", id, false, "refused: publisher key not trusted " + d.signer().fingerprint());
                err.println("symphony ext install: the publisher key is not trusted; nothing installed. After checking the fingerprint with the publisher: "
                        + "`symphony ext trust add KEY.pub`, or answer y at a terminal");
                return null;
            }
            TrustedPublishers.Trusted t = trust.add(d.signer().publisher(), d.signer().key());
            kernel.audit().record("user", "ext.publisher.trust", t.fingerprint(), true, "publisher " + t.publisher() + ", at first use installing " + id);
        }
        return d;
    }

    private static boolean ask(Supplier<BufferedReader> terminal, PrintStream err, String question) throws IOException {
        BufferedReader tty = terminal.get();
        if (tty == null) {
            return false;
        }
        err.print(question);
        err.flush();
        String answer = tty.readLine();
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }

    private static void audit(SymphonyPaths paths, String what, TrustedPublishers.Trusted t) {
        try (AuditLog audit = new AuditLog(paths.data("audit"))) {
            audit.record("user", what, t.fingerprint(), true, "publisher " + t.publisher());
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("symphony ext: " + problem);
        err.println("usage: " + USAGE);
        return 2;
    }

    /** One positional argument and {@code --name VALUE} options. */
    private record Options(String positional, java.util.Map<String, String> values, String problem) {
        Optional<String> value(String name) {
            return Optional.ofNullable(values.get(name));
        }

        static Options parse(String[] args, Set<String> names) {
            String positional = null;
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (names.contains(args[i])) {
                    if (++i >= args.length) {
                        return new Options(null, values, args[i - 1] + " needs a value");
                    }
                    values.put(args[i - 1], args[i]);
                } else if (args[i].startsWith("-") || positional != null) {
                    return new Options(null, values, "unexpected argument '" + args[i] + "'");
                } else {
                    positional = args[i];
                }
            }
            return new Options(positional, values, null);
        }
    }
}
