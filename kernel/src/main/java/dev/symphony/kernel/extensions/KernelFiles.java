package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.kernel.audit.AuditLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The kernel side of {@code HostFiles}: checks the manifest's path globs against both the path as
 * asked and its real path (so a symbolic link cannot lead out of a permitted folder), audits the
 * decision, then does the I/O in the kernel process.
 */
final class KernelFiles {
    private static final long MAX_READ = 3L << 20;
    private final AuditLog audit;

    KernelFiles(AuditLog audit) {
        this.audit = audit;
    }

    JsonNode read(Player p, String path) throws IOException {
        Path real = check(p, BrokerProtocol.FILES_READ, path, false);
        if (Files.size(real) > MAX_READ) {
            throw new CallFailedException(ErrorCode.INVALID_INPUT, real + " is larger than " + (MAX_READ >> 20) + " MB");
        }
        return JsonNodeFactory.instance.objectNode().put("text", Files.readString(real));
    }

    JsonNode write(Player p, String path, String text) throws IOException {
        Path real = check(p, BrokerProtocol.FILES_WRITE, path, true);
        Files.createDirectories(real.getParent());
        Files.writeString(real, text);
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode list(Player p, String path) throws IOException {
        Path real = check(p, BrokerProtocol.FILES_LIST, path, false);
        var names = JsonNodeFactory.instance.arrayNode();
        try (Stream<Path> s = Files.list(real)) {
            s.map(x -> x.getFileName().toString()).sorted().forEach(names::add);
        }
        return JsonNodeFactory.instance.objectNode().set("names", names);
    }

    private Path check(Player p, String op, String path, boolean write) throws IOException {
        Path asked = Path.of(path).toAbsolutePath().normalize();
        Path real = realPath(asked);
        boolean allowed = write
                ? p.permissions.canWrite(asked) && p.permissions.canWrite(real)
                : op.equals(BrokerProtocol.FILES_LIST)
                        ? p.permissions.canRead(asked.resolve("x")) && p.permissions.canRead(real.resolve("x"))
                        : p.permissions.canRead(asked) && p.permissions.canRead(real);
        audit.record(p.id(), op, real.toString(), allowed, real.equals(asked) ? null : "asked for " + asked);
        if (!allowed) {
            throw new CallFailedException(ErrorCode.PERMISSION_DENIED, op + " of " + asked
                    + " is not allowed by the manifest of " + p.id());
        }
        return real;
    }

    /** The real path of the longest existing prefix, with the rest appended. */
    private static Path realPath(Path asked) throws IOException {
        Path existing = asked;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return asked;
        }
        return existing.toRealPath().resolve(existing.relativize(asked)).normalize();
    }
}
