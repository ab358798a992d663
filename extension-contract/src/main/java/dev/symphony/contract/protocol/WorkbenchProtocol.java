package dev.symphony.contract.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What an extension asks of the workbench at run time: extension events ({@code services().events().emit(NAME,
 * payload)}) whose names start with {@code workbench.}, each payload one record here. The manifest's
 * {@code contributes.workbench} declares which kinds the extension may send; the workbench refuses the others.
 * {@link #decode} is the one place a payload becomes a record: a bad one is rejected with the JSON path of the problem.
 */
public final class WorkbenchProtocol {
    public static final String STATUS_BAR = "workbench.statusBar";
    public static final String NOTIFY = "workbench.notify";
    public static final String DIAGNOSTICS = "workbench.diagnostics";
    public static final String FILE_DECORATIONS = "workbench.fileDecorations";
    public static final String QUICK_PICK = "workbench.quickPick";
    public static final String VIEW_CHANGED = "workbench.viewChanged";
    public static final String QUICK_DIFF = "workbench.quickDiff";
    public static final String OPEN_DIFF = "workbench.openDiff";
    public static final String LANGUAGE_RESULT = "workbench.languageResult";
    public static final String LINE_ANNOTATIONS = "workbench.lineAnnotations";
    public static final String APPLY_EDIT = "workbench.applyEdit";

    private WorkbenchProtocol() {
    }

    /** Changes the text of a status-bar item the manifest contributes. */
    public record StatusText(String id, String text, String tooltip) {
    }

    /** A button on a notification: runs one of the extension's contributed commands. */
    public record Action(String title, String command) {
    }

    /** {@code severity}: info, warning or error. */
    public record Notification(String message, String severity, List<Action> actions) {
    }

    /** 1-based line and column; {@code severity} error, warning or info. */
    /**
     * A problem from ({@code line}, {@code column}) to ({@code endLine}, {@code endColumn}), 1-based, columns in UTF-16
     * code units (as LSP counts); without an end the range is the one character at the start.
     */
    public record Diagnostic(int line, int column, int endLine, int endColumn, String severity, String message) {
        public Diagnostic(int line, int column, String severity, String message) {
            this(line, column, line, column + 1, severity, message);
        }
    }

    /**
     * Replaces the extension's diagnostics of one workspace-relative {@code file}; {@code version} is the document
     * version they were computed for ({@code documentSync}'s), or -1 when the sender does not know it.
     */
    public record Diagnostics(String file, long version, List<Diagnostic> items) {
    }

    /** A badge (≤ 2 characters), a colour ({@code #rrggbb}) and a tooltip for a workspace-relative path. */
    public record FileDecoration(String path, String badge, String color, String tooltip) {
    }

    public record FileDecorations(List<FileDecoration> items) {
    }

    /** Asks the user to pick one of {@code items}, or to type a value when {@code items} is empty (an input box);
     * the answer goes to {@code capability} as {@code {"prompt": id, "value": answer}} (null when dismissed). */
    public record QuickPick(String id, String placeholder, List<String> items, String capability) {
    }

    /** The extension's view {@code view} should render again (its state changed on the extension's side). */
    public record ViewChanged(String view) {
    }

    /**
     * The extension gives the original text of workspace files (VS Code's quick-diff provider): the workbench calls
     * {@code capability} with {@code {"file": workspace-relative}} and expects {@code {"text": original-or-null}}, and
     * draws the editor's gutter markers against it (needs {@code editorDecorations}).
     */
    public record QuickDiff(String capability) {
    }

    /**
     * The extension annotates lines (VS Code's {@code after} decoration, as blame does): while {@code enabled}, the
     * workbench calls {@code capability} with {@code {"file": workspace-relative}} for each open, saved file and shows
     * the caret line's {@code text} (its {@code tooltip} on hover) after the line's end, from the answer
     * {@code {"lines": [{"line": 1-based, "text", "tooltip"}]}}; {@code enabled: false} withdraws them (needs
     * {@code editorDecorations}).
     */
    public record LineAnnotations(String capability, boolean enabled) {
    }

    /** Opens the diff view of a workspace-relative {@code file}: its original text (from the quick-diff provider) against it. */
    public record OpenDiff(String file) {
    }

    /**
     * The answer to language request {@code id} (sent to {@code documentSync.requests}) about a workspace-relative
     * {@code file}, computed for document {@code version}; {@code result}'s shape is the request's
     * ({@code extensions-sdk/README.md}, "Language requests"), checked where it is used.
     */
    public record LanguageResult(long id, String file, long version, JsonNode result) {
    }

    /**
     * A language server's own workspace edit ({@code workspace/applyEdit}, e.g. from a command a code action ran), sent
     * by the extension that syncs documents ({@code documentSync.requests}): {@code edit} is
     * {@code {files: [{file, edits: [{startLine, startColumn, endLine, endColumn, text}]}]}} (0-based, absolute paths),
     * checked where it is applied. The workbench answers {@code documentSync.requests} with
     * {@code {"request": "applyEditResult", "id", "applied", "reason"}}.
     */
    public record ApplyEdit(long id, String server, String label, JsonNode edit) {
    }

    /** The record for event {@code name}; throws {@link IllegalArgumentException} naming the JSON path of a problem. */
    public static Object decode(String name, JsonNode p) {
        return switch (name) {
            case STATUS_BAR -> new StatusText(text(p, "$", "id", 100), text(p, "$", "text", 80), optional(p, "tooltip"));
            case NOTIFY -> {
                String severity = optional(p, "severity") == null ? "info" : p.get("severity").asText();
                if (!List.of("info", "warning", "error").contains(severity)) {
                    throw new IllegalArgumentException("$.severity: must be info, warning or error, not '" + severity + "'");
                }
                List<Action> actions = new ArrayList<>();
                JsonNode a = p.path("actions");
                for (int i = 0; i < a.size() && i < 3; i++) {
                    actions.add(new Action(text(a.get(i), "$.actions[" + i + "]", "title", 40), text(a.get(i), "$.actions[" + i + "]", "command", 100)));
                }
                yield new Notification(text(p, "$", "message", 1000), severity, actions);
            }
            case DIAGNOSTICS -> {
                List<Diagnostic> items = new ArrayList<>();
                JsonNode a = array(p, "items");
                for (int i = 0; i < a.size(); i++) {
                    String at = "$.items[" + i + "]";
                    int line = positive(a.get(i), at, "line");
                    int column = positive(a.get(i), at, "column");
                    int endLine = a.get(i).has("endLine") ? positive(a.get(i), at, "endLine") : line;
                    int endColumn = a.get(i).has("endColumn") ? positive(a.get(i), at, "endColumn") : column + 1;
                    if (endLine < line || endLine == line && endColumn < column) {
                        throw new IllegalArgumentException(at + ": the range ends (" + endLine + ":" + endColumn + ") before it starts ("
                                + line + ":" + column + ")");
                    }
                    items.add(new Diagnostic(line, column, endLine, endColumn, a.get(i).path("severity").asText("error"),
                            text(a.get(i), at, "message", 2000)));
                }
                yield new Diagnostics(text(p, "$", "file", 1000), p.path("version").asLong(-1), items);
            }
            case FILE_DECORATIONS -> {
                List<FileDecoration> items = new ArrayList<>();
                JsonNode a = array(p, "items");
                for (int i = 0; i < a.size(); i++) {
                    String at = "$.items[" + i + "]";
                    String color = optional(a.get(i), "color");
                    if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
                        throw new IllegalArgumentException(at + ".color: must be #rrggbb, not '" + color + "'");
                    }
                    items.add(new FileDecoration(text(a.get(i), at, "path", 1000), optionalMax(a.get(i), at, "badge", 2), color,
                            optional(a.get(i), "tooltip")));
                }
                yield new FileDecorations(items);
            }
            case QUICK_PICK -> {
                List<String> items = new ArrayList<>();
                p.path("items").forEach(i -> items.add(i.asText()));
                yield new QuickPick(text(p, "$", "id", 100), optional(p, "placeholder"), items, text(p, "$", "capability", 100));
            }
            case VIEW_CHANGED -> new ViewChanged(text(p, "$", "view", 100));
            case QUICK_DIFF -> new QuickDiff(text(p, "$", "capability", 100));
            case OPEN_DIFF -> new OpenDiff(text(p, "$", "file", 1000));
            case LINE_ANNOTATIONS -> {
                if (p.has("enabled") && !p.get("enabled").isBoolean()) {
                    throw new IllegalArgumentException("$.enabled: true or false, not " + p.get("enabled"));
                }
                yield new LineAnnotations(text(p, "$", "capability", 100), p.path("enabled").asBoolean(true));
            }
            case LANGUAGE_RESULT -> {
                if (!p.path("id").canConvertToLong() || !p.path("version").canConvertToLong() || !p.path("result").isObject()) {
                    throw new IllegalArgumentException("$: id and version (integers) and result (an object) are required");
                }
                yield new LanguageResult(p.get("id").asLong(), text(p, "$", "file", 1000), p.get("version").asLong(), p.get("result"));
            }
            case APPLY_EDIT -> {
                if (!p.path("id").canConvertToLong() || p.get("id").asLong() < 0 || !p.path("edit").path("files").isArray()) {
                    throw new IllegalArgumentException("$: id (an integer, 0 or more) and edit.files (an array) are required");
                }
                yield new ApplyEdit(p.get("id").asLong(), text(p, "$", "server", 100), optionalMax(p, "$", "label", 200), p.get("edit"));
            }
            default -> throw new IllegalArgumentException("$: no workbench request named '" + name + "'");
        };
    }

    private static String text(JsonNode n, String at, String field, int max) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(at + "." + field + ": a non-empty string is required");
        }
        if (v.asText().length() > max) {
            throw new IllegalArgumentException(at + "." + field + ": longer than " + max + " characters");
        }
        return v.asText();
    }

    private static String optional(JsonNode n, String field) {
        return n != null && n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static String optionalMax(JsonNode n, String at, String field, int max) {
        String v = optional(n, field);
        if (v != null && v.length() > max) {
            throw new IllegalArgumentException(at + "." + field + ": longer than " + max + " characters");
        }
        return v;
    }

    private static int positive(JsonNode n, String at, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || v.asInt() < 1) {
            throw new IllegalArgumentException(at + "." + field + ": a positive integer is required");
        }
        return v.asInt();
    }

    private static JsonNode array(JsonNode n, String field) {
        if (n == null || !n.path(field).isArray()) {
            throw new IllegalArgumentException("$." + field + ": an array is required");
        }
        return n.get(field);
    }
}
