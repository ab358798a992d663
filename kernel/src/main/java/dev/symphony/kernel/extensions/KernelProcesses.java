package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.ProcessProtocol;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.kernel.audit.AuditLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The kernel side of {@code HostProcesses}: a program an extension with the {@code processes} permission (and
 * everyone it acts for) asked for. For a sandboxed host the program runs in a bubblewrap sandbox of its own
 * ({@link Sandbox#programPrefix}) under a process-count limit where a control group can be made
 * ({@link ProcessLimit}); for a trusted unsandboxed host, as that host runs: with the user's rights. Always with the
 * cleared environment, its output cut at 1 MB, its time capped at {@link KernelNetwork#MAX_TIMEOUT}.
 */
final class KernelProcesses {
    private final AuditLog audit;
    private final BiConsumer<String, String> log;
    private final ExecutorService output = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "program-output");
        t.setDaemon(true);
        return t;
    });

    KernelProcesses(AuditLog audit, BiConsumer<String, String> log) {
        this.audit = audit;
        this.log = log;
    }

    JsonNode run(Acting acting, ProcessProtocol.Run r) throws IOException, InterruptedException {
        Player p = acting.host();
        Player refuser = acting.refuser(permissions -> permissions.canSpawnProcesses());
        audit.record(p.id(), BrokerProtocol.PROCESS_RUN, String.join(" ", r.command()), refuser == null,
                acting.behalf().isEmpty() ? null : acting.behalf().strip());
        if (refuser != null) {
            throw new CallFailedException(ErrorCode.PERMISSION_DENIED, "starting processes is not allowed by " + acting.denial(refuser));
        }
        HostProcess host = p.host();
        boolean sandboxed = host != null && host.sandboxed;
        List<String> command = new java.util.ArrayList<>(sandboxed ? DataQuota.prefix(DataQuota.BYTES) : List.of());
        command.addAll(sandboxed ? sandboxed(acting, r) : r.command()); // a program writes into its extension's data folder too
        Optional<ProcessLimit> limit = sandboxed ? ProcessLimit.create(p.id(), ProcessLimit.MAX_TASKS) : Optional.empty();
        if (sandboxed && limit.isEmpty()) {
            log.accept(p.id(), "no process-count limit for its program: no control group can be made here");
        }
        try {
            return run(p, r, limit.map(l -> l.wrap(command)).orElse(command), sandboxed);
        } finally {
            limit.ifPresent(ProcessLimit::close);
        }
    }

    private JsonNode run(Player p, ProcessProtocol.Run r, List<String> command, boolean sandboxed) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        HostEnvironment.apply(pb.environment(), System.getenv()); // the program gets no more of the IDE's secrets than the host
        if (r.workingDir() != null) {
            pb.directory(Path.of(r.workingDir()).toFile());
        } else if (sandboxed) {
            pb.directory(p.roots.extensionData().toFile());
        }
        Process process = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> slurp(process.getInputStream()), output);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(process.getErrorStream()), output);
        long timeoutMs = r.timeoutMs() <= 0 ? KernelNetwork.MAX_TIMEOUT.toMillis() : Math.min(r.timeoutMs(), KernelNetwork.MAX_TIMEOUT.toMillis());
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new CallFailedException(ErrorCode.TIMEOUT, String.join(" ", r.command()) + " did not finish within " + timeoutMs
                    + " ms (at most " + KernelNetwork.MAX_TIMEOUT.toMillis() + " ms for " + p.id() + "'s programs)");
        }
        return PayloadCodec.json().valueToTree(new ProcessProtocol.RunResult(process.exitValue(), out.join(), err.join()));
    }

    /**
     * The command of a sandboxed host's program, inside a sandbox of its own ({@link Sandbox#programPrefix}): its
     * working folder (default: the extension's data folder) must be one the extension — and whoever it acts for —
     * may read, and is writable there only where the manifests allow writing.
     */
    private static List<String> sandboxed(Acting acting, ProcessProtocol.Run r) {
        Player p = acting.host();
        Path data = p.roots.extensionData().toAbsolutePath().normalize();
        Path dir = r.workingDir() == null ? data : Path.of(r.workingDir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new CallFailedException(ErrorCode.INVALID_INPUT, "working folder " + dir + " of " + p.id() + "'s program does not exist");
        }
        Path real;
        boolean own;
        try {
            real = dir.toRealPath();
            own = real.startsWith(data.toRealPath());
        } catch (IOException e) {
            throw new CallFailedException(ErrorCode.INVALID_INPUT, "working folder " + dir + " of " + p.id() + "'s program: " + e.getMessage());
        }
        boolean writable = own || acting.refuser(perm -> perm.canWrite(real.resolve("x")) && perm.canWrite(dir.resolve("x"))) == null;
        boolean readable = writable || acting.refuser(perm -> perm.canRead(real.resolve("x")) && perm.canRead(dir.resolve("x"))) == null;
        if (!readable) {
            throw new CallFailedException(ErrorCode.PERMISSION_DENIED, "working folder " + dir + " is not one the manifest of "
                    + p.id() + acting.behalf() + " lets it read");
        }
        List<String> cmd = new ArrayList<>(Sandbox.programPrefix(p.dir(), data, real, writable));
        cmd.addAll(r.command());
        return cmd;
    }

    private static String slurp(java.io.InputStream in) {
        try (in) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    void close() {
        output.shutdownNow();
    }
}
