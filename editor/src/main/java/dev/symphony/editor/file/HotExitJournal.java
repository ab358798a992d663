package dev.symphony.editor.file;

import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Write-ahead journal of one buffer's unsaved edits, so a crash loses nothing ("hot exit"). The file
 * starts with a header naming the document and its base (a snapshot of the text, or, for files over
 * {@link #SNAPSHOT_LIMIT} chars, the disk fingerprint of the unchanged file), followed by one record
 * per change. Each record is {@code [int length][byte type][payload][int crc32c]}; recovery stops at
 * the first torn or corrupt record. Saving the document deletes its journal.
 *
 * <p>Records reach the OS on every change (surviving a process crash); {@link #sync()} forces them
 * to disk (call it when idle) to survive a power loss too.
 */
public final class HotExitJournal implements Closeable {

    static final int SNAPSHOT_LIMIT = 8 << 20;
    private static final int MAGIC = 0x53594a31;
    private static final byte HEADER = 1;
    private static final byte EDITS = 2;
    private static final long COMPACT_BYTES = 4 << 20;

    private final Path journal;
    private final String documentId;
    private final Path file;
    private final TextEncoding encoding;
    private FileChannel out;
    private long editBytes;

    private HotExitJournal(Path journal, String documentId, Path file, TextEncoding encoding) {
        this.journal = journal;
        this.documentId = documentId;
        this.file = file;
        this.encoding = encoding;
    }

    /**
     * Starts a journal in {@code dir} for document {@code documentId} (stable per buffer, e.g. a UUID)
     * whose unsaved text starts from {@code base}; {@code file} may be null for an untitled buffer.
     */
    public static HotExitJournal start(Path dir, String documentId, Path file, TextEncoding encoding, Rope base)
            throws IOException {
        Files.createDirectories(dir);
        HotExitJournal j = new HotExitJournal(dir.resolve(documentId + ".journal"), documentId, file, encoding);
        j.rewrite(base);
        return j;
    }

    private void rewrite(Rope base) throws IOException {
        if (out != null) {
            out.close();
        }
        Path tmp = journal.resolveSibling(journal.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(bytes);
            d.writeInt(MAGIC);
            writeString(d, documentId);
            writeString(d, file == null ? "" : file.toAbsolutePath().toString());
            writeString(d, encoding.name());
            boolean snapshot = file == null || base.length() <= SNAPSHOT_LIMIT;
            d.writeBoolean(snapshot);
            if (snapshot) {
                writeString(d, base.toString());
            } else {
                DiskFingerprint f = DiskFingerprint.of(file);
                d.writeLong(f.size());
                d.writeLong(f.modifiedNanos());
            }
            writeRecord(ch, HEADER, bytes.toByteArray());
            ch.force(true);
        }
        Files.move(tmp, journal, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        out = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        editBytes = 0;
    }

    /** Appends one change (that turned the text into {@code after}); compacts into a new base when large. */
    public void record(ChangeSet change, Rope after) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(change.edits().size());
        for (TextEdit e : change.edits()) {
            d.writeInt(e.from());
            d.writeInt(e.to());
            writeString(d, e.text());
        }
        editBytes += writeRecord(out, EDITS, bytes.toByteArray());
        if (editBytes > COMPACT_BYTES && (file == null || after.length() <= SNAPSHOT_LIMIT)) {
            rewrite(after);
        }
    }

    /** Records the move from {@code before} to {@code after} (undo, redo, reload) as its smallest single edit. */
    public void recordReplace(Rope before, Rope after) throws IOException {
        int end = before.length();
        record(ChangeSet.of(dev.symphony.editor.text.MinimalEdit.between(before, after).orElse(new TextEdit(end, end, ""))),
                after);
    }

    public void sync() throws IOException {
        out.force(false);
    }

    /** The document was saved: its journal is no longer needed. */
    public void discard() throws IOException {
        close();
        Files.deleteIfExists(journal);
    }

    @Override
    public void close() throws IOException {
        if (out != null && out.isOpen()) {
            out.close();
        }
    }

    private static int writeRecord(FileChannel ch, byte type, byte[] payload) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(type);
        crc.update(payload);
        ByteBuffer b = ByteBuffer.allocate(4 + 1 + payload.length + 4);
        b.putInt(payload.length).put(type).put(payload).putInt((int) crc.getValue()).flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
        return b.limit();
    }

    /** UTF-8 unless the text holds a lone surrogate (which UTF-8 cannot carry); then raw UTF-16 units. */
    private static void writeString(DataOutputStream d, String s) throws IOException {
        boolean wellFormed = true;
        for (int i = 0; i < s.length() && wellFormed; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                wellFormed = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(++i));
            } else if (Character.isLowSurrogate(c)) {
                wellFormed = false;
            }
        }
        d.writeBoolean(wellFormed);
        if (wellFormed) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            d.writeInt(b.length);
            d.write(b);
        } else {
            // Raw UTF-16 units: a charset decoder would replace the lone surrogate.
            d.writeInt(s.length());
            d.writeChars(s);
        }
    }

    private static String readString(DataInputStream d) throws IOException {
        boolean utf8 = d.readBoolean();
        int n = d.readInt();
        if (!utf8) {
            char[] c = new char[n];
            for (int i = 0; i < n; i++) {
                c[i] = d.readChar();
            }
            return new String(c);
        }
        byte[] b = new byte[n];
        d.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A journal found at startup: the restored text, or why it could not be restored (the journal is kept). */
    public record Recovered(Path journal, String documentId, Path file, TextEncoding encoding, Rope text, String problem) {
    }

    /** Reads every journal in {@code dir} (left behind by a crash or a quit with unsaved edits). */
    public static List<Recovered> recoverAll(Path dir) throws IOException {
        List<Recovered> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".journal")).sorted()::iterator) {
                out.add(recover(p));
            }
        }
        return out;
    }

    static Recovered recover(Path journal) throws IOException {
        try (InputStream raw = Files.newInputStream(journal)) {
            DataInputStream in = new DataInputStream(raw);
            byte[] header = readRecord(in, HEADER);
            if (header == null) {
                return new Recovered(journal, "", null, TextEncoding.UTF_8, null, "journal header is damaged");
            }
            DataInputStream h = new DataInputStream(new java.io.ByteArrayInputStream(header));
            if (h.readInt() != MAGIC) {
                return new Recovered(journal, "", null, TextEncoding.UTF_8, null, "not a journal file");
            }
            String id = readString(h);
            String fileName = readString(h);
            Path file = fileName.isEmpty() ? null : Path.of(fileName);
            TextEncoding enc = TextEncoding.valueOf(readString(h));
            Rope text;
            if (h.readBoolean()) {
                text = Rope.of(readString(h));
            } else {
                DiskFingerprint expected = new DiskFingerprint(h.readLong(), h.readLong());
                DiskFingerprint now = DiskFingerprint.ofQuietly(file);
                if (!now.equals(expected)) {
                    return new Recovered(journal, id, file, enc, null, file + " changed on disk after the unsaved edits were"
                            + " journaled; the journal is kept at " + journal);
                }
                text = new TextDecoder().load(file).text();
            }
            byte[] rec;
            while ((rec = readRecord(in, EDITS)) != null) {
                DataInputStream e = new DataInputStream(new java.io.ByteArrayInputStream(rec));
                int n = e.readInt();
                List<TextEdit> edits = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    edits.add(new TextEdit(e.readInt(), e.readInt(), readString(e)));
                }
                text = new ChangeSet(edits).apply(text);
            }
            return new Recovered(journal, id, file, enc, text, null);
        }
    }

    /** The next record of {@code type}, or null at the end or at a torn/corrupt record. */
    private static byte[] readRecord(DataInputStream in, byte type) throws IOException {
        try {
            int len = in.readInt();
            byte t = in.readByte();
            if (len < 0 || len > (1 << 30) || t != type) {
                return null;
            }
            byte[] payload = new byte[len];
            in.readFully(payload);
            int crc = in.readInt();
            CRC32C c = new CRC32C();
            c.update(t);
            c.update(payload);
            return (int) c.getValue() == crc ? payload : null;
        } catch (EOFException e) {
            return null;
        }
    }
}
