package dev.symphony.approvals.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.approvals.Decision;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a policy file (JSON with comments; the format is in the module README) into rules, each checked against
 * its own examples. Every problem is a {@link PolicyException} naming {@code file:line}.
 */
public final class PolicyReader {
    /** Where a policy file comes from: a workspace's may only add {@code ask} and {@code deny} rules. */
    public enum Level { DEFAULT, USER, WORKSPACE }

    private static final Set<String> TOP_FIELDS = Set.of("$schema", "description", "rules");
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build());

    private PolicyReader() {
    }

    public static List<Rule> read(String file, String text, Level level) throws PolicyException {
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (JsonParser p = MAPPER.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new PolicyException(file + ":" + line(p) + ": a policy file is a JSON object with a \"rules\" array");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int fieldLine = line(p);
                p.nextToken();
                if (!TOP_FIELDS.contains(field)) {
                    throw new PolicyException(file + ":" + fieldLine + ": unknown field \"" + field + "\" (expected one of " + TOP_FIELDS + ")");
                }
                if (!field.equals("rules")) {
                    p.skipChildren();
                    continue;
                }
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw new PolicyException(file + ":" + fieldLine + ": \"rules\" must be an array of rule objects");
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int ruleLine = line(p);
                    JsonNode node = MAPPER.readTree(p);
                    Rule rule = RuleParser.parse(node, file, ruleLine, level);
                    if (!ids.add(rule.id())) {
                        throw new PolicyException(file + ":" + ruleLine + ": a second rule with id \"" + rule.id() + "\"");
                    }
                    RuleExamples.check(rule, node.get("examples"));
                    rules.add(rule);
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new PolicyException(file + ":" + line(p) + ": unexpected content after the policy object");
            }
        } catch (JsonProcessingException e) {
            throw new PolicyException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot be read: " + e.getMessage());
        }
        return rules;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    static Decision decision(JsonNode node, String where) throws PolicyException {
        Decision d = node == null || !node.isTextual() ? null : Decision.ofWord(node.asText());
        if (d == null) {
            throw new PolicyException(where + ": \"decision\" must be \"allow\", \"ask\" or \"deny\"");
        }
        return d;
    }
}
