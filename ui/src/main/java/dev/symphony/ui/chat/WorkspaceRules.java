package dev.symphony.ui.chat;

import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The workspace's rules for the model, read afresh for every request: {@code AGENTS.md} at the folder's root, then
 * {@code .symphony/rules/*.md} in name order. Each file is cut at {@link #FILE_CHARS} characters and all of them at
 * {@link #TOTAL_CHARS}; what was cut is said in the prompt and in {@link #summary()}. They become the request's system
 * message; {@link #files()} names them for the panel.
 */
record WorkspaceRules(List<String> files, String text, List<String> problems) {
    static final String AGENTS = "AGENTS.md";
    static final String RULES_FOLDER = ".symphony/rules";
    static final int FILE_CHARS = 16_000;
    static final int TOTAL_CHARS = 32_000;
    static final WorkspaceRules NONE = new WorkspaceRules(List.of(), "", List.of());

    /** The rules of {@code folder} (null: no folder open, no rules). Never throws: an unreadable file is a problem. */
    static WorkspaceRules read(Path folder) {
        if (folder == null) {
            return NONE;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(folder.resolve(AGENTS));
        List<String> problems = new ArrayList<>();
        Path rules = folder.resolve(RULES_FOLDER);
        if (Files.isDirectory(rules)) {
            try (Stream<Path> list = Files.list(rules)) {
                list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md") && Files.isRegularFile(p))
                        .sorted().forEach(candidates::add);
            } catch (IOException e) {
                problems.add("The rules folder " + rules + " cannot be listed: " + e.getMessage());
            }
        }
        List<String> names = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Path file : candidates) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String name = folder.relativize(file).toString().replace('\\', '/');
            String content;
            try {
                content = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.add("The rules file " + file + " cannot be read (it is not applied): " + e.getMessage());
                continue;
            }
            int room = TOTAL_CHARS - text.length();
            if (room <= 0) {
                names.add(name + " (left out: the rules reached " + TOTAL_CHARS + " characters)");
                continue;
            }
            int keep = Math.min(Math.min(content.length(), FILE_CHARS), room);
            text.append("## ").append(name).append('\n').append(content, 0, keep);
            if (keep < content.length()) {
                text.append("\n[… the rest of ").append(name).append(" was cut at ").append(keep).append(" characters]");
                names.add(name + " (cut at " + keep + " characters)");
            } else {
                names.add(name);
            }
            text.append("\n\n");
        }
        return new WorkspaceRules(List.copyOf(names), text.toString().strip(), List.copyOf(problems));
    }

    /** The system message that carries the rules, or null when there are none. */
    Message system() {
        return text.isEmpty() ? null : new Message("system",
                "Follow these rules of the workspace (its AGENTS.md and .symphony/rules files):\n\n" + text);
    }

    /** What the panel shows: "Rules: AGENTS.md, .symphony/rules/style.md", or that there are none. */
    String summary() {
        return files.isEmpty() ? "No rules files (AGENTS.md, .symphony/rules/*.md)" : "Rules: " + String.join(", ", files);
    }
}
