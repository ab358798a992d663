package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The end (or pause) of a run: its status, outputs by output node id, why it failed, which nodes wait for
 * an answer, and the total cost of the capability calls.
 */
public record RunResult(String runId, RunStatus status, ObjectNode outputs, String error, List<String> waiting,
                        double cost) {
}
