package dev.symphony.kernel.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Walks the chain ({@link AuditEntries}) through every {@code chain-*.jsonl} file in order and stops at
 * the first broken link: a line that is not a whole entry, an entry whose digest does not match its
 * bytes, a number out of sequence, a {@code prev} that is not the previous entry's digest, or an end
 * that is not where the head ({@link AuditHead}) says.
 */
public final class AuditVerifier {
    /**
     * The outcome. {@code problem} is null when the chain holds; otherwise {@code file} and {@code line}
     * (1-based) say where it first breaks. {@code afterHead}: entries written after the head was last
     * moved (a crash between the two writes), chained but not anchored.
     */
    public record Result(long entries, int files, String problem, Path file, long line, long afterHead) {
        public boolean ok() {
            return problem == null;
        }
    }

    private AuditVerifier() {
    }

    static List<Path> chainFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(AuditLog.PREFIX) && n.endsWith(".jsonl");
            }).sorted().toList();
        }
    }

    public static Result verify(Path dir) throws IOException {
        Optional<AuditHead> head = AuditHead.read(dir);
        MessageDigest sha = AuditEntries.sha256();
        HexFormat hex = HexFormat.of();
        long seq = 0;
        String prev = AuditEntries.GENESIS;
        String hashAtHead = null;
        List<Path> files = chainFiles(dir);
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            long lineNo = 0;
            int start = 0;
            while (start < b.length) {
                lineNo++;
                int end = start;
                while (end < b.length && b[end] != '\n') {
                    end++;
                }
                if (end == b.length) {
                    return broken(seq, files, "the file ends inside an entry (no newline after it)", f, lineNo);
                }
                String stored = AuditEntries.storedHash(b, start, end);
                if (stored == null) {
                    return broken(seq, files, "not a complete entry (no digest at its end)", f, lineNo);
                }
                int bodyEnd = end - AuditEntries.TRAILER;
                sha.update(b, start, bodyEnd - start);
                if (!hex.formatHex(sha.digest()).equals(stored)) {
                    return broken(seq, files, "entry's digest does not match its bytes (changed after it was written)", f, lineNo);
                }
                long number = seqOf(b, start, bodyEnd);
                String linked = prevOf(b, start, bodyEnd);
                if (number != seq + 1) {
                    return broken(seq, files, "entry number " + number + " where " + (seq + 1) + " belongs (entries removed or inserted)", f, lineNo);
                }
                if (!prev.equals(linked)) {
                    return broken(seq, files, "entry " + number + " does not link to the entry before it", f, lineNo);
                }
                seq = number;
                prev = stored;
                if (head.isPresent() && head.get().seq() == seq) {
                    hashAtHead = stored;
                }
                start = end + 1;
            }
        }
        if (head.isEmpty()) {
            return seq == 0 ? new Result(0, files.size(), null, null, 0, 0)
                    : broken(seq, files, "no head record " + AuditHead.fileFor(dir) + " (the newest digest kept outside the log)", null, 0);
        }
        AuditHead h = head.get();
        if (h.seq() > seq) {
            return broken(seq, files, "the log ends at entry " + seq + " but the head records entry " + h.seq() + " (its end was cut off)",
                    files.isEmpty() ? null : files.get(files.size() - 1), 0);
        }
        if (!h.hash().equals(hashAtHead)) {
            return broken(seq, files, "entry " + h.seq() + " is not the entry the head records (the log was rewritten)", null, 0);
        }
        return new Result(seq, files.size(), null, null, 0, seq - h.seq());
    }

    private static Result broken(long seq, List<Path> files, String problem, Path file, long line) {
        return new Result(seq, files.size(), problem, file, line, 0);
    }

    /** The N of a body starting {@code {"seq":N,}; -1 if it does not. */
    private static long seqOf(byte[] b, int start, int bodyEnd) {
        byte[] prefix = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
        if (bodyEnd - start < prefix.length + 2) {
            return -1;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[start + i] != prefix[i]) {
                return -1;
            }
        }
        long n = 0;
        int i = start + prefix.length;
        for (; i < bodyEnd && b[i] >= '0' && b[i] <= '9' && i - start - prefix.length < 18; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return i < bodyEnd && b[i] == ',' ? n : -1;
    }

    /** The 64 hex digits of a body ending {@code ,"prev":"HEX"}; null if it does not. */
    private static String prevOf(byte[] b, int start, int bodyEnd) {
        byte[] field = ",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);
        int at = bodyEnd - 1 - 64 - field.length;
        if (at < start || b[bodyEnd - 1] != '"') {
            return null;
        }
        for (int i = 0; i < field.length; i++) {
            if (b[at + i] != field[i]) {
                return null;
            }
        }
        return new String(b, at + field.length, 64, StandardCharsets.US_ASCII);
    }

    /**
     * Where the writer continues: the number and digest of the last whole line of {@code file}. Bytes after
     * the last newline are a batch torn by a crash (never acknowledged by the head) and are cut off.
     * If the last line is no entry (tampered), the head, else the start, so that logging goes on and
     * {@code verify} reports the break.
     */
    static AuditHead tip(Path file, Path dir) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long len = raf.length();
            int window = (int) Math.min(len, 1 << 16);
            byte[] tail = new byte[window];
            raf.seek(len - window);
            raf.readFully(tail);
            int lastNewline = window - 1;
            while (lastNewline >= 0 && tail[lastNewline] != '\n') {
                lastNewline--;
            }
            if (lastNewline < window - 1) {
                raf.setLength(len - (window - 1 - lastNewline));
            }
            int lineStart = lastNewline - 1;
            while (lineStart >= 0 && tail[lineStart] != '\n') {
                lineStart--;
            }
            lineStart++;
            if (lastNewline > 0) {
                String hash = AuditEntries.storedHash(tail, lineStart, lastNewline);
                long seq = hash == null ? -1 : seqOf(tail, lineStart, lastNewline - AuditEntries.TRAILER);
                if (seq > 0) {
                    return new AuditHead(seq, hash);
                }
            }
        }
        return AuditHead.read(dir).orElse(new AuditHead(0, AuditEntries.GENESIS));
    }
}
