package dev.symphony.contract.manifest;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a manifest's {@link ExtensionManifest.Permissions} allow an operation. The same
 * logic runs in the SDK's client (to fail fast) and in the kernel (the enforcing side, which also
 * resolves symbolic links before asking). Globs start with {@code ${workspace}}, {@code ${home}} or
 * {@code ${extensionData}}, expanded to the given roots; {@code **} crosses folders.
 */
public final class PermissionChecker {
    /** The folders a manifest's path globs are relative to. */
    public record Roots(Path workspace, Path home, Path extensionData) {
    }

    private final ExtensionManifest.Permissions permissions;
    private final List<PathMatcher> read;
    private final List<PathMatcher> write;

    public PermissionChecker(ExtensionManifest.Permissions permissions, Roots roots) {
        this.permissions = permissions;
        this.write = matchers(permissions.write(), roots);
        List<PathMatcher> readable = new ArrayList<>(matchers(permissions.read(), roots));
        readable.addAll(write); // what may be written may be read back
        this.read = List.copyOf(readable);
    }

    private static List<PathMatcher> matchers(List<String> globs, Roots roots) {
        List<PathMatcher> out = new ArrayList<>();
        for (String glob : globs) {
            String expanded = glob.replace("${workspace}", slashes(roots.workspace()))
                    .replace("${home}", slashes(roots.home()))
                    .replace("${extensionData}", slashes(roots.extensionData()));
            out.add(FileSystems.getDefault().getPathMatcher("glob:" + expanded));
        }
        return List.copyOf(out);
    }

    private static String slashes(Path p) {
        return p.toAbsolutePath().normalize().toString().replace('\\', '/').replace("{", "\\{").replace("[", "\\[");
    }

    public boolean canRead(Path path) {
        return matches(read, path);
    }

    public boolean canWrite(Path path) {
        return matches(write, path);
    }

    private static boolean matches(List<PathMatcher> matchers, Path path) {
        Path p = path.toAbsolutePath().normalize();
        for (PathMatcher m : matchers) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }

    /** {@code host} may be {@code name} or {@code name:port}; entries may be {@code *.example.org}. */
    public boolean canConnect(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : permissions.network()) {
            String e = entry.toLowerCase(Locale.ROOT);
            int colon = e.lastIndexOf(':');
            if (colon > 0) {
                if (Integer.parseInt(e.substring(colon + 1)) != port) {
                    continue;
                }
                e = e.substring(0, colon);
            }
            if (e.startsWith("*.") ? h.endsWith(e.substring(1)) : h.equals(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The grant that lets the kernel add secret {@code name} to a request to {@code host:port}, if the manifest
     * has one: the grant's host is {@code name:port}, or a bare name meaning ports 80 and 443.
     */
    public java.util.Optional<ExtensionManifest.SecretGrant> secretFor(String name, String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        for (ExtensionManifest.SecretGrant g : permissions.secrets()) {
            if (!g.name().equals(name)) {
                continue;
            }
            String gh = g.host().toLowerCase(Locale.ROOT);
            int colon = gh.lastIndexOf(':');
            boolean portOk = colon > 0 ? Integer.parseInt(gh.substring(colon + 1)) == port : port == 80 || port == 443;
            if (portOk && (colon > 0 ? gh.substring(0, colon) : gh).equals(h)) {
                return java.util.Optional.of(g);
            }
        }
        return java.util.Optional.empty();
    }

    public boolean canSpawnProcesses() {
        return permissions.processes();
    }
}
