package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.kernel.audit.AuditLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The kernel side of {@code HostFiles}: checks the manifest's path globs against both the path as
 * asked and its real path (so a symbolic link cannot lead out of a permitted folder), audits the
 * decision, then does the I/O in the kernel process on exactly the checked real path, never through a
 * link that appeared after the check ({@link NoFollowFiles}).
 */
final class KernelFiles {
    private static final long MAX_READ = 3L << 20;
    private static final int MAX_LINKS = 40; // as the OS's own limit on links followed in one lookup
    private final AuditLog audit;
    /** Runs between the check and the operation; tests use it to swap a link in, as an attacker racing the broker would. */
    java.util.function.Consumer<Path> afterCheck = real -> { };

    KernelFiles(AuditLog audit) {
        this.audit = audit;
    }

    JsonNode read(Acting a, String path) throws IOException {
        Path real = check(a, BrokerProtocol.FILES_READ, path, false);
        try {
            return JsonNodeFactory.instance.objectNode().put("text", NoFollowFiles.read(real, MAX_READ));
        } catch (NoFollowFiles.TooLarge e) {
            throw new CallFailedException(ErrorCode.INVALID_INPUT, e.getMessage());
        } catch (NoFollowFiles.Redirected e) {
            throw redirected(a.host(), BrokerProtocol.FILES_READ, real, e);
        }
    }

    JsonNode write(Acting a, String path, String text) throws IOException {
        Path real = check(a, BrokerProtocol.FILES_WRITE, path, true);
        try {
            NoFollowFiles.write(real, text);
        } catch (NoFollowFiles.Redirected e) {
            throw redirected(a.host(), BrokerProtocol.FILES_WRITE, real, e);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode list(Acting a, String path) throws IOException {
        Path real = check(a, BrokerProtocol.FILES_LIST, path, false);
        var names = JsonNodeFactory.instance.arrayNode();
        try {
            NoFollowFiles.list(real).forEach(names::add);
        } catch (NoFollowFiles.Redirected e) {
            throw redirected(a.host(), BrokerProtocol.FILES_LIST, real, e);
        }
        return JsonNodeFactory.instance.objectNode().set("names", names);
    }

    /** A path changed between the check and the operation: denied and audited as such. */
    private CallFailedException redirected(Player p, String op, Path real, NoFollowFiles.Redirected e) {
        audit.record(p.id(), op, real.toString(), false, e.getMessage());
        return new CallFailedException(ErrorCode.PERMISSION_DENIED, e.getMessage());
    }

    /** Checked for the host and, when it serves another extension's call, for every caller too ({@link Acting}). */
    private Path check(Acting a, String op, String path, boolean write) throws IOException {
        Path asked = Path.of(path).toAbsolutePath().normalize();
        Path real;
        try {
            real = realPath(asked);
        } catch (CallFailedException e) {
            audit.record(a.host().id(), op, asked.toString(), false, e.getMessage() + a.behalf());
            throw e;
        }
        Player refuser = a.refuser(permissions -> write
                ? permissions.canWrite(asked) && permissions.canWrite(real)
                : op.equals(BrokerProtocol.FILES_LIST)
                        ? permissions.canRead(asked.resolve("x")) && permissions.canRead(real.resolve("x"))
                        : permissions.canRead(asked) && permissions.canRead(real));
        String note = (real.equals(asked) ? "" : "asked for " + asked) + a.behalf();
        audit.record(a.host().id(), op, real.toString(), refuser == null, note.isEmpty() ? null : note.strip());
        if (refuser != null) {
            throw new CallFailedException(ErrorCode.PERMISSION_DENIED, op + " of " + asked
                    + " is not allowed by " + a.denial(refuser));
        }
        afterCheck.accept(real);
        return real;
    }

    /**
     * The real path of the longest existing prefix, with the rest appended. A link whose target does not exist yet
     * (dangling) is resolved too: a write through it would create its target, so the target is what is checked —
     * before, the check saw the link's own path inside the permitted folder (a repository can carry such a link to
     * {@code ~/.config/autostart/x.desktop}).
     */
    private static Path realPath(Path asked) throws IOException {
        Path path = asked;
        for (int links = 0; ; links++) {
            Path existing = path;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return path;
            }
            Path rest = existing.relativize(path);
            if (Files.exists(existing)) {
                return existing.toRealPath().resolve(rest).normalize();
            }
            if (links >= MAX_LINKS || !Files.isSymbolicLink(existing)) { // a loop of links, or a folder it may not enter
                throw new CallFailedException(ErrorCode.PERMISSION_DENIED, asked + " cannot be resolved to a real path");
            }
            Path target = Files.readSymbolicLink(existing);
            path = existing.getParent().toRealPath().resolve(target).normalize().resolve(rest).normalize();
        }
    }
}
