package dev.symphony.samples.texttools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.SymphonyExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Entry class of {@code dev.symphony.samples.text-tools}. */
public class TextTools implements SymphonyExtension {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).build();

    @Override
    public void register(Capabilities capabilities) {
        capabilities
                .operator("case", (in, ctx) -> text(convert(in.path("text").asText(), in.path("to").asText())))
                .operator("regex-extract", (in, ctx) -> extract(in))
                .operator("json-select", (in, ctx) -> select(in.path("document"), in.path("pointer").asText()))
                .operator("markdown-to-html", (in, ctx) -> NODES.objectNode()
                        .put("html", html.render(markdown.parse(in.path("markdown").asText()))));
    }

    private static ObjectNode text(String text) {
        return NODES.objectNode().put("text", text);
    }

    static String convert(String text, String to) {
        return switch (to) {
            case "upper" -> text.toUpperCase(Locale.ROOT);
            case "lower" -> text.toLowerCase(Locale.ROOT);
            case "title" -> join(words(text), " ", true, true);
            case "snake" -> join(words(text), "_", false, false);
            case "kebab" -> join(words(text), "-", false, false);
            case "camel" -> join(words(text), "", true, false);
            default -> throw new ExtensionException(ErrorCode.INVALID_INPUT, "unknown case '" + to + "'");
        };
    }

    /** Words split at spaces, punctuation and lower-to-upper case changes ("parseHTTPRequest" → parse, HTTP, Request). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\p{Lu}+(?=\\p{Lu}\\p{Ll})|\\p{Lu}?\\p{Ll}+|\\p{Lu}+|\\p{N}+").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String join(List<String> words, String separator, boolean capitalize, boolean capitalizeFirst) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            if (i > 0) {
                sb.append(separator);
            }
            boolean cap = capitalize && (i > 0 || capitalizeFirst);
            sb.append(cap && !w.isEmpty() ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return sb.toString();
    }

    private static ObjectNode extract(JsonNode in) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(in.path("pattern").asText());
        } catch (PatternSyntaxException e) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "bad pattern: " + e.getDescription() + " at index " + e.getIndex());
        }
        int group = in.path("group").asInt(0);
        Matcher m = pattern.matcher(in.path("text").asText());
        if (group > m.groupCount()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "the pattern has " + m.groupCount() + " groups, not " + group);
        }
        ObjectNode out = NODES.objectNode();
        ArrayNode matches = out.putArray("matches");
        while (m.find()) {
            matches.add(m.group(group));
        }
        return out;
    }

    private static ObjectNode select(JsonNode document, String pointer) {
        JsonNode value = document.at(pointer);
        ObjectNode out = NODES.objectNode().put("found", !value.isMissingNode());
        if (!value.isMissingNode()) {
            out.set("value", value);
        }
        return out;
    }
}
