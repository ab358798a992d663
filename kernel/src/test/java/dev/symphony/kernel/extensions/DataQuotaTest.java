package dev.symphony.kernel.extensions;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link DataQuota} on real processes and folders. Before: an extension could fill the user's disk through its data
 * folder; now a file it writes stops at the quota, and a folder over the quota keeps its host from starting.
 */
class DataQuotaTest {
    @Test
    void aProgramUnderTheQuotaCannotWriteAFileLargerThanIt(@TempDir Path dir) throws Exception {
        List<String> prefix = DataQuota.prefix(1 << 20);
        assumeTrue(!prefix.isEmpty(), "no prlimit here (not Linux, or util-linux missing): no per-file cap");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("/bin/sh", "-c", "head -c 3145728 /dev/zero > big; echo $?"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.size(dir.resolve("big")) <= 1 << 20, "the file stopped at the quota: " + Files.size(dir.resolve("big")));
        assertTrue(out.contains("File too large") || !out.strip().endsWith("0"), "the write failed: " + out);
    }

    @Test
    void aDataFolderOverTheQuotaKeepsItsHostFromStartingNamingFolderSizeAndQuota(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a"), new byte[600 << 10]);
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/b"), new byte[600 << 10]);
        DataQuota.checkBeforeStart("dev.symphony.test.quota", dir, 2 << 20); // under: starts
        CallFailedException e = assertThrows(CallFailedException.class, () -> DataQuota.checkBeforeStart("dev.symphony.test.quota", dir, 1 << 20));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("dev.symphony.test.quota") && e.getMessage().contains(dir.toString())
                && e.getMessage().contains("quota of 1 MB"), e.getMessage());
        assertEquals(1200 << 10, DataQuota.usage(dir));
    }
}
