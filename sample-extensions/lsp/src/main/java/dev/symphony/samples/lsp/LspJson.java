package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * What servers answer, as the results of the {@code language} capability (workbench events
 * {@code workbench.languageResult}): positions stay LSP's (0-based lines, UTF-16 columns) as
 * {@code startLine startColumn endLine endColumn}; files are absolute paths. Everything a server sends is treated as
 * hostile: missing fields are skipped, lists are capped.
 */
final class LspJson {
    static final int MAX_ITEMS = 500;
    /** LSP4J's Gson, with its adapters for LSP's unions: reads a command's argument as a workspace edit. */
    static final com.google.gson.Gson LSP_GSON = new org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler(Map.of()).getGson();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LspJson() {
    }

    /**
     * {@code {items: [{index, label, kind, detail, sortText, filterText?, insertText?, caret, stops?, edit?, additionalEdits?, documentation?}], incomplete}}
     * (filterText and insertText only when they are not the label; {@code stops}, {@code [[number, from, to]…]} in insertText, for a
     * snippet with tab stops).
     * A list longer than {@value #MAX_ITEMS} (a TypeScript file's globals are ~1,000) keeps the items whose filter text
     * has {@code prefix}'s letters in order first (the word typed so far, as the workbench filters), then the rest, and
     * is marked incomplete so that typing on asks again.
     */
    static ObjectNode completion(Either<List<CompletionItem>, CompletionList> answer, List<CompletionItem> kept, String prefix) {
        ObjectNode out = NODES.objectNode();
        List<CompletionItem> items = answer == null ? List.of() : answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
        boolean incomplete = answer != null && answer.isRight() && answer.getRight().isIncomplete();
        items = items == null ? List.of() : items.stream().filter(i -> i != null && i.getLabel() != null).toList();
        if (items.size() > MAX_ITEMS) {
            incomplete = true;
            List<CompletionItem> matching = new java.util.ArrayList<>();
            List<CompletionItem> others = new java.util.ArrayList<>();
            for (CompletionItem i : items) {
                (lettersInOrder(prefix, i.getFilterText() != null ? i.getFilterText() : i.getLabel()) ? matching : others).add(i);
            }
            matching.addAll(others);
            items = matching.subList(0, MAX_ITEMS);
        }
        ArrayNode a = out.putArray("items");
        for (CompletionItem item : items) {
            kept.add(item);
            a.add(item(item, kept.size() - 1));
        }
        return out.put("incomplete", incomplete);
    }

    /** True when {@code word}'s letters appear in {@code text} in order, ignoring case (an empty word matches all). */
    static boolean lettersInOrder(String word, String text) {
        int at = 0;
        for (int i = 0; i < word.length() && at >= 0; i++) {
            at = indexOfIgnoreCase(text, word.charAt(i), at);
            at = at < 0 ? -1 : at + 1;
        }
        return at >= 0;
    }

    private static int indexOfIgnoreCase(String text, char c, int from) {
        char lower = Character.toLowerCase(c);
        for (int i = from; i < text.length(); i++) {
            if (Character.toLowerCase(text.charAt(i)) == lower) {
                return i;
            }
        }
        return -1;
    }

    static ObjectNode item(CompletionItem item, int index) {
        ObjectNode o = NODES.objectNode().put("index", index).put("label", item.getLabel());
        if (item.getKind() != null) {
            o.put("kind", item.getKind().name());
        }
        putText(o, "detail", item.getDetail());
        putText(o, "sortText", item.getSortText());
        putText(o, "filterText", item.getFilterText());
        boolean snippet = item.getInsertTextFormat() == InsertTextFormat.Snippet;
        String insert = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
        if (item.getTextEdit() != null) {
            var e = item.getTextEdit();
            Range r = e.isLeft() ? e.getLeft().getRange() : e.getRight().getReplace();
            insert = e.isLeft() ? e.getLeft().getNewText() : e.getRight().getNewText();
            if (r != null) {
                o.set("range", range(r));
            }
        }
        Snippets plain = snippet ? Snippets.parse(insert == null ? "" : insert) : Snippets.text(insert == null ? "" : insert);
        if (!plain.text().equals(item.getLabel())) {
            o.put("insertText", plain.text()); // the label otherwise (most items): a list is up to 500 items on every word
        }
        if (plain.caret() >= 0 && plain.caret() < plain.text().length()) {
            o.put("caret", plain.caret());
        }
        if (plain.stops().stream().anyMatch(s -> s.number() > 0)) {
            ArrayNode stops = o.putArray("stops"); // [number, from, to] in insertText: the editor's snippet mode
            plain.stops().forEach(s -> stops.addArray().add(s.number()).add(s.from()).add(s.to()));
        }
        if (item.getAdditionalTextEdits() != null && !item.getAdditionalTextEdits().isEmpty()) {
            o.set("additionalEdits", edits(item.getAdditionalTextEdits()));
        }
        String doc = documentation(item.getDocumentation());
        if (doc != null) {
            o.put("documentation", doc);
        }
        return o;
    }

    static String documentation(Either<String, MarkupContent> d) {
        if (d == null) {
            return null;
        }
        return d.isLeft() ? d.getLeft() : d.getRight() == null ? null : d.getRight().getValue();
    }

    /** {@code {locations: [{file, startLine, …}]}} of a definition answer (Locations or LocationLinks). */
    static ObjectNode locations(Either<List<? extends Location>, List<? extends LocationLink>> answer) {
        ObjectNode out = NODES.objectNode();
        ArrayNode a = out.putArray("locations");
        if (answer == null) {
            return out;
        }
        if (answer.isLeft()) {
            for (Location l : answer.getLeft()) {
                location(a, l == null ? null : l.getUri(), l == null ? null : l.getRange());
            }
        } else {
            for (LocationLink l : answer.getRight()) {
                location(a, l == null ? null : l.getTargetUri(), l == null ? null : l.getTargetSelectionRange() != null
                        ? l.getTargetSelectionRange() : l.getTargetRange());
            }
        }
        return out;
    }

    private static void location(ArrayNode a, String uri, Range r) {
        Path file = file(uri);
        if (file != null && r != null && a.size() < MAX_ITEMS) {
            ObjectNode o = range(r);
            o.put("file", file.toString());
            a.add(o);
        }
    }

    /** {@code {markdown, range?}}: the hover's text as Markdown (plain strings and marked code as fenced blocks). */
    static ObjectNode hover(Hover h) {
        ObjectNode out = NODES.objectNode();
        if (h == null || h.getContents() == null) {
            return out.put("markdown", "");
        }
        StringBuilder md = new StringBuilder();
        var c = h.getContents();
        if (c.isRight()) {
            md.append(c.getRight() == null || c.getRight().getValue() == null ? "" : c.getRight().getValue());
        } else {
            for (var part : c.getLeft()) {
                if (part == null) {
                    continue;
                }
                if (md.length() > 0) {
                    md.append("\n\n");
                }
                if (part.isLeft()) {
                    md.append(part.getLeft());
                } else if (part.getRight() != null) {
                    md.append("```").append(part.getRight().getLanguage()).append('\n').append(part.getRight().getValue()).append("\n```");
                }
            }
        }
        out.put("markdown", md.length() > 20_000 ? md.substring(0, 20_000) : md.toString());
        if (h.getRange() != null) {
            out.set("range", range(h.getRange()));
        }
        return out;
    }

    /**
     * {@code {actions: [{index, title, kind?, preferred, edit?: {files…}, command?: INDEX, commandName?}], skipped}} of a
     * code action answer: each action with its edit, its server command (an index into {@code commands}, which gets the
     * command: run by {@code executeCommand}), or both (the edit first, then the command, as LSP orders them). A command
     * whose only argument is the action's edit again is left out: running it would apply the edit twice (older
     * typescript-language-servers' {@code _typescript.applyWorkspaceEdit}; 6.0.2's quick fixes carry
     * {@code _typescript.applyCodeActionCommand}, which runs only the fix's own tsserver commands). Disabled actions, and
     * actions with neither, are skipped.
     */
    static ObjectNode codeActions(List<Either<Command, CodeAction>> answer, List<Command> commands) {
        ObjectNode out = NODES.objectNode();
        ArrayNode actions = out.putArray("actions");
        int skipped = 0;
        for (Either<Command, CodeAction> a : answer == null ? List.<Either<Command, CodeAction>>of() : answer) {
            CodeAction action = a == null ? null : a.isLeft() ? commandOnly(a.getLeft()) : a.getRight();
            Command command = action == null ? null : action.getCommand();
            ObjectNode edit = action == null || action.getEdit() == null ? null : workspaceEdit(action.getEdit());
            boolean runnable = command != null && command.getCommand() != null && !command.getCommand().isEmpty()
                    && !repeats(command, edit);
            if (action == null || action.getTitle() == null || edit == null && !runnable || action.getDisabled() != null
                    || actions.size() >= MAX_ITEMS) {
                skipped++;
                continue;
            }
            ObjectNode o = actions.addObject().put("index", actions.size() - 1);
            putText(o, "title", action.getTitle());
            putText(o, "kind", action.getKind());
            o.put("preferred", Boolean.TRUE.equals(action.getIsPreferred()));
            if (edit != null) {
                o.set("edit", edit);
            }
            if (runnable) {
                o.put("command", commands.size());
                putText(o, "commandName", command.getCommand());
                commands.add(command);
            }
        }
        return out.put("skipped", skipped);
    }

    /** True when {@code command}'s only argument is a workspace edit equal to {@code edit} (as the workbench gets it). */
    static boolean repeats(Command command, ObjectNode edit) {
        List<Object> args = command.getArguments();
        if (edit == null || args == null || args.size() != 1 || args.get(0) == null) {
            return false;
        }
        try {
            com.google.gson.JsonElement argument = args.get(0) instanceof com.google.gson.JsonElement e ? e : LSP_GSON.toJsonTree(args.get(0));
            return argument.isJsonObject() && workspaceEdit(LSP_GSON.fromJson(argument, WorkspaceEdit.class)).equals(edit);
        } catch (RuntimeException notAnEdit) {
            return false;
        }
    }

    private static CodeAction commandOnly(Command c) {
        if (c == null) {
            return null;
        }
        CodeAction a = new CodeAction(c.getTitle());
        a.setCommand(c);
        return a;
    }

    /** {@code {files: [{file, edits: [{startLine, …, text}]}]}} of a workspace edit (changes or documentChanges' text edits). */
    static ObjectNode workspaceEdit(WorkspaceEdit edit) {
        ObjectNode out = NODES.objectNode();
        ArrayNode files = out.putArray("files");
        if (edit == null) {
            return out;
        }
        if (edit.getDocumentChanges() != null) {
            for (var change : edit.getDocumentChanges()) {
                if (change != null && change.isLeft() && change.getLeft().getTextDocument() != null) {
                    fileEdits(files, change.getLeft().getTextDocument().getUri(), change.getLeft().getEdits().stream()
                            .filter(e -> e != null && e.isLeft()).map(Either::getLeft).toList());
                } else if (change != null && change.isRight()) {
                    out.put("skipped", out.path("skipped").asInt(0) + 1); // create/rename/delete file: not applied here
                }
            }
        } else if (edit.getChanges() != null) {
            for (Map.Entry<String, List<TextEdit>> e : edit.getChanges().entrySet()) {
                fileEdits(files, e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static void fileEdits(ArrayNode files, String uri, List<TextEdit> edits) {
        Path file = file(uri);
        if (file != null && edits != null) {
            ObjectNode f = files.addObject().put("file", file.toString());
            f.set("edits", edits(edits));
        }
    }

    static ArrayNode edits(List<? extends TextEdit> edits) {
        ArrayNode a = NODES.arrayNode();
        for (TextEdit e : edits) {
            if (e != null && e.getRange() != null && a.size() < 100_000) {
                a.add(range(e.getRange()).put("text", e.getNewText() == null ? "" : e.getNewText()));
            }
        }
        return a;
    }

    static ObjectNode range(Range r) {
        return NODES.objectNode().put("startLine", r.getStart().getLine()).put("startColumn", r.getStart().getCharacter())
                .put("endLine", r.getEnd().getLine()).put("endColumn", r.getEnd().getCharacter());
    }

    /** The path of a {@code file:} URI, or null for anything else (untitled, virtual, malformed). */
    static Path file(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u).normalize() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void putText(ObjectNode o, String field, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(field, value.length() > 2000 ? value.substring(0, 2000) : value);
        }
    }
}
