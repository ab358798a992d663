package dev.symphony.pit.dag.api;

import java.util.List;

/**
 * The longest chain of remaining work by expected durations: what bounds the run's finish.
 *
 * @param nodes           node ids from the first to the last on the path
 * @param names           their names
 * @param remainingNanos  expected time until the last node finishes, from now
 */
public record CriticalPath(List<Integer> nodes, List<String> names, long remainingNanos) {
}
