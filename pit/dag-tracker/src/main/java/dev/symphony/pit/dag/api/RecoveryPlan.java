package dev.symphony.pit.dag.api;

import java.util.List;

/**
 * What to do about one FAILED node, the options of the seed's "Adaptive Failure Handling" in graph terms.
 *
 * @param failedNode           the node that failed
 * @param reconstructible      its output can be regenerated from later results ("reverse reconstruction")
 * @param reconstructionChain  when reconstructible: the failed node, the intermediate nodes, and last the DONE
 *                             node whose output the chain is regenerated from (along {@code reconstructs} edges)
 * @param rerun                nodes to re-execute: the failed node unless it is reconstructible
 * @param blocked              not-yet-run nodes that hard-depend (transitively) on the failed node: they run
 *                             once it is re-run or reconstructed
 * @param degraded             nodes that already ran without its output (through SOFT/OPTIONAL edges) and
 *                             their finished descendants: re-run them if the full output matters
 * @param skipCascade          the nodes a graceful skip would skip: the failed node plus every not-yet-run node
 *                             all of whose gating dependencies would then be dead
 * @param canSkip              true when no node in {@code skipCascade} is marked required
 */
public record RecoveryPlan(
    int failedNode,
    boolean reconstructible,
    List<Integer> reconstructionChain,
    List<Integer> rerun,
    List<Integer> blocked,
    List<Integer> degraded,
    List<Integer> skipCascade,
    boolean canSkip) {
}
