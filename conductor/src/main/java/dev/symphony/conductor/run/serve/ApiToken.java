package dev.symphony.conductor.run.serve;

import dev.symphony.kernel.fs.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The API's bearer token: {@code <config>/api-token}, created on first use with 256 random bits and, where
 * the file system allows, owner-only permissions. Compared in constant time. Never logged.
 */
public final class ApiToken {
    private final byte[] token;

    private ApiToken(byte[] token) {
        this.token = token;
    }

    public static ApiToken loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.writeString(file, HexFormat.of().formatHex(random) + "\n");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.length() < 16) {
            throw new IOException(file + " holds no usable token (at least 16 characters); delete it to get a new one");
        }
        return new ApiToken(text.getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code header} is {@code Bearer <token>}. */
    public boolean accepts(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
