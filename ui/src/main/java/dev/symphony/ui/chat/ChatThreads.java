package dev.symphony.ui.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.kernel.fs.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The chat threads of one workspace, one JSON file per thread in {@code ROOT/KEY/}, where KEY is a hash of the
 * workspace folder's absolute path (the file also names the folder). Written atomically ({@link AtomicFiles}); a file
 * that cannot be read is reported with its path and left as it is, never overwritten (new threads get new names).
 * No JavaFX: the chat calls it off the JavaFX thread.
 */
final class ChatThreads {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a thread showed: one entry of the chat, as data ({@code kind}: user, assistant, tool, notice). */
    record Shown(String kind, String text, String meta, List<String> context, boolean flag, int checkpoint) {
        Shown {
            context = context == null ? List.of() : List.copyOf(context);
        }

        /** An entry without a checkpoint (a thread kept before they were, or not a step). */
        Shown(String kind, String text, String meta, List<String> context, boolean flag) {
            this(kind, text, meta, context, flag, 0);
        }
    }

    /** A whole thread: what the model was told ({@code conversation}), what the panel showed, and its tokens and money. */
    record Saved(String id, String title, long updated, List<Message> conversation, List<Shown> shown, ThreadUsage.Totals usage) {
        Saved {
            conversation = List.copyOf(conversation);
            shown = List.copyOf(shown);
            usage = usage == null ? ThreadUsage.Totals.NONE : usage;
        }

        /** A thread whose usage is not known (kept before threads counted it): none. */
        Saved(String id, String title, long updated, List<Message> conversation, List<Shown> shown) {
            this(id, title, updated, conversation, shown, ThreadUsage.Totals.NONE);
        }

        /** Every word of {@code query} (case-insensitive) is in the title or a message's text; an empty query matches all. */
        boolean matches(String query) {
            String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
            if (q.isEmpty()) {
                return true;
            }
            StringBuilder all = new StringBuilder(title).append('\n');
            shown.forEach(s -> all.append(s.text()).append('\n'));
            String haystack = all.toString().toLowerCase(Locale.ROOT);
            for (String word : q.split("\\s+")) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The threads found (newest first) and the files that could not be read, each message naming its file. */
    record Listing(List<Saved> threads, List<String> problems) {
    }

    private final Path folder;
    private final String workspace;

    private ChatThreads(Path folder, String workspace) {
        this.folder = folder;
        this.workspace = workspace;
    }

    /** The threads of {@code workspace} (null: no folder open) kept under {@code root}. */
    static ChatThreads of(Path root, Path workspace) {
        String name = workspace == null ? "" : workspace.toAbsolutePath().normalize().toString();
        return new ChatThreads(root.resolve(workspace == null ? "no-folder" : key(name)), name);
    }

    private static String key(String path) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    Path folder() {
        return folder;
    }

    Path file(String id) {
        return folder.resolve(id + ".json");
    }

    /** A new thread's id: time first, so names sort by age, and random, so no file is ever reused. */
    static String newId(long now) {
        return String.format(Locale.ROOT, "%013d-%08x", now, new java.security.SecureRandom().nextInt());
    }

    void save(Saved thread) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("workspace", workspace);
        root.put("id", thread.id());
        root.put("title", thread.title());
        root.put("updated", thread.updated());
        ArrayNode conversation = root.putArray("conversation");
        thread.conversation().forEach(m -> conversation.add(LanguageModelProtocol.toJson(m)));
        ArrayNode shown = root.putArray("shown");
        thread.shown().forEach(s -> shown.add(JSON.valueToTree(s)));
        root.set("usage", JSON.valueToTree(thread.usage()));
        AtomicFiles.writeString(file(thread.id()), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /** One thread; an {@link IOException} naming the file when it cannot be read or is not a thread. */
    Saved load(String id) throws IOException {
        return read(file(id));
    }

    /** Every thread matching {@code query} ({@link Saved#matches}), newest first, and the files that could not be read. */
    Listing search(String query) throws IOException {
        List<Saved> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Listing(List.of(), List.of());
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                try {
                    Saved s = read(f);
                    if (s.matches(query)) {
                        found.add(s);
                    }
                } catch (IOException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        found.sort(Comparator.comparingLong(Saved::updated).reversed().thenComparing(Saved::id));
        return new Listing(found, problems);
    }

    private static Saved read(Path file) throws IOException {
        String where = "The chat thread " + file + " cannot be read (it is left as it is): ";
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(where + e.getOriginalMessage() + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        }
        if (root == null || !root.isObject() || root.path("version").asInt() != VERSION || !root.path("id").isTextual()
                || !root.path("conversation").isArray() || !root.path("shown").isArray()) {
            throw new IOException(where + "not a version " + VERSION + " thread (it needs version, id, conversation and shown)");
        }
        try {
            List<Message> conversation = new ArrayList<>();
            root.path("conversation").forEach(m -> conversation.add(LanguageModelProtocol.fromJson(m, Message.class)));
            List<Shown> shown = new ArrayList<>();
            for (JsonNode s : root.path("shown")) {
                shown.add(JSON.treeToValue(s, Shown.class));
            }
            JsonNode usage = root.path("usage"); // absent in threads kept before it was counted
            return new Saved(root.path("id").asText(), root.path("title").asText(""), root.path("updated").asLong(), conversation, shown,
                    usage.isObject() ? JSON.treeToValue(usage, ThreadUsage.Totals.class) : ThreadUsage.Totals.NONE);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(where + e.getMessage(), e);
        }
    }
}
