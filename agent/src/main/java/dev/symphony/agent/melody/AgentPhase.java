package dev.symphony.agent.melody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.agent.AgentLoop;
import dev.symphony.agent.AgentTools;
import dev.symphony.agent.ModelBackend;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * One phase of an agent Melody (the {@code phase} Operator): the chat's {@link AgentLoop} with the chat's
 * {@link AgentTools}, over a {@link Stage} instead of the workspace. The conversation is the phase's
 * {@code instructions} (system) and its {@code task} with the earlier phases' {@code context} (user); the loop runs
 * until the model answers without a tool call, {@code maxTurns}, or the node's time. Its output: the model's last
 * {@code answer}, the {@code stage} grown by this phase's edits, its {@code diff}, the {@code changed} files and one
 * line per tool {@code step}.
 */
final class AgentPhase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentPhase() {
    }

    /** Runs the phase (blocking: a worker thread of the run). */
    static ObjectNode run(JsonNode input, CapabilitiesModelBackend model, AgentTools tools, Stage stage) {
        List<Message> conversation = new ArrayList<>();
        conversation.add(new Message("system", input.path("instructions").asText()
                + "\n\nYou work in a Melody (a workflow run by Symphony): your edits are staged, and a person approves them"
                + " after this phase before they reach the workspace."));
        String context = input.path("context").isTextual() ? input.get("context").asText() : "";
        conversation.add(new Message("user", input.path("task").asText() + (context.isBlank() ? "" : "\n\n" + context)));
        ArrayNode steps = JSON.createArrayNode();
        int[] turns = {0};
        new AgentLoop(model, tools).run(conversation, new AgentLoop.Listener() {
            @Override
            public void turnStarted() {
                turns[0]++;
            }

            @Override
            public void turnDone(ModelBackend.Turn turn) {
                // the answer is read from the conversation below
            }

            @Override
            public void toolDone(AgentTools.Outcome outcome) {
                steps.addObject().put("title", outcome.title()).put("ran", outcome.ran())
                        .put("decision", outcome.decision() == null ? null : outcome.decision().name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public void token(String text) {
                // a headless phase shows no tokens; its answer is read from the conversation
            }

            @Override
            public void restarted(String why, String next) {
                // no fallback inside a phase: a Melody's fallback is its node's onError
            }
        });
        String answer = "";
        for (int i = conversation.size() - 1; i >= 0; i--) {
            if (conversation.get(i).role().equals("assistant")) {
                answer = conversation.get(i).content() == null ? "" : conversation.get(i).content();
                break;
            }
        }
        ObjectNode out = JSON.createObjectNode().put("answer", answer);
        out.set("stage", stage.toJson());
        out.put("diff", stage.diff());
        ArrayNode changed = out.putArray("changed");
        stage.changes().keySet().forEach(changed::add);
        out.set("steps", steps);
        out.put("turns", turns[0]);
        return out;
    }
}
