package dev.symphony.editor.file;

import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The on-disk side of an open document: where it lives, how it is encoded, and the fingerprint of
 * what the editor last read or wrote. Saving checks the fingerprint first, so an external change is
 * never silently overwritten; the caller offers reload or a diff ({@link LineDiff}) instead.
 */
public final class DocumentFile {

    private final Path path;
    private volatile TextEncoding encoding;
    private volatile LineEnding lineEnding;
    private volatile DiskFingerprint known;

    private DocumentFile(Path path, TextEncoding encoding, LineEnding lineEnding, DiskFingerprint known) {
        this.path = path;
        this.encoding = encoding;
        this.lineEnding = lineEnding;
        this.known = known;
    }

    /** Opens {@code path}; returns the document and its text. */
    public static Opened open(Path path) throws IOException {
        DiskText disk = read(path);
        return new Opened(new DocumentFile(path, disk.encoding(), disk.lineEnding(), disk.fingerprint()), disk.text());
    }

    /** A document and the text it was opened with. */
    public record Opened(DocumentFile file, Rope text) {
    }

    public Path path() {
        return path;
    }

    public TextEncoding encoding() {
        return encoding;
    }

    /** Changes the encoding used by the next save (e.g. from the ISO-8859-1 fallback to UTF-8). */
    public void setEncoding(TextEncoding encoding) {
        this.encoding = encoding;
    }

    public LineEnding lineEnding() {
        return lineEnding;
    }

    public DiskFingerprint knownFingerprint() {
        return known;
    }

    /** True when the file on disk is no longer what the editor read or wrote last. */
    public boolean changedOnDisk() throws IOException {
        return !DiskFingerprint.of(path).equals(known);
    }

    /**
     * Saves atomically. Throws {@link ExternalChangeException} (and writes nothing) when the file
     * changed on disk, unless {@code overwriteExternalChanges}.
     */
    public void save(Rope text, boolean overwriteExternalChanges) throws IOException {
        DiskFingerprint now = DiskFingerprint.of(path);
        if (!overwriteExternalChanges && !now.equals(known)) {
            throw new ExternalChangeException(path, known, now);
        }
        TextFiles.save(path, text, encoding);
        known = DiskFingerprint.of(path);
    }

    /**
     * Writes {@code text} to {@code target} atomically, in this document's encoding (UTF-8 for a
     * document that never had a file), and returns the document file that now lives there: Save As.
     * An existing {@code target} is replaced; the caller asked first.
     */
    public static DocumentFile saveAs(DocumentFile from, Path target, Rope text) throws IOException {
        TextEncoding encoding = from == null
                ? TextEncoding.UTF_8 : from.encoding;
        TextFiles.save(target, text, encoding);
        return new DocumentFile(target, encoding, from == null ? LineEnding.LF : from.lineEnding, DiskFingerprint.of(target));
    }

    /** Reads the file again (after the user chose "reload"); the fingerprint follows. */
    public Rope reload() throws IOException {
        DiskText disk = readDisk();
        accept(disk);
        return disk.text();
    }

    /** What {@link #readDisk} found: apply it with {@link #accept} once the editor took the text. */
    public record DiskText(Rope text, TextEncoding encoding, LineEnding lineEnding, DiskFingerprint fingerprint) {
    }

    /**
     * Reads the file as it is on disk now without adopting it: the editor may have been edited
     * meanwhile, and then the disk version must not become the "known" one (a later save would
     * overwrite the outside change without asking).
     */
    public DiskText readDisk() throws IOException {
        return read(path);
    }

    /** The fingerprint is taken first: a write racing the read shows as a change later, never as none. */
    private static DiskText read(Path path) throws IOException {
        DiskFingerprint before = DiskFingerprint.of(path);
        TextFile tf = new TextDecoder().load(path);
        return new DiskText(tf.text(), tf.encoding(), tf.lineEnding(), before);
    }

    /** The editor now shows {@code disk}: it is what a save compares against from now on. */
    public void accept(DiskText disk) {
        encoding = disk.encoding();
        lineEnding = disk.lineEnding();
        known = disk.fingerprint();
    }

    /** Line diff from the editor's text to the file on disk, for a "compare" view. */
    public LineDiff diffWithDisk(Rope text) throws IOException {
        return LineDiff.of(text, new TextDecoder().load(path).text());
    }
}
