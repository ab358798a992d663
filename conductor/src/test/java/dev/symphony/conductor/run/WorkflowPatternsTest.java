package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Workflow control-flow patterns (van der Aalst et al., workflowpatterns.com), each as a small Melody with
 * its expected trace: the order of node.finished / node.skipped / node.cancelled events.
 */
class WorkflowPatternsTest extends HarnessTest {

    private static String call(String id, String cap, String input) {
        return "{\"id\":\"" + id + "\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"" + cap + "\",\"input\":" + input + "}";
    }

    private static String sleep(String id, int ms) {
        return call(id, "sleep", "{\"ms\":" + ms + ",\"text\":\"" + id + "\"}");
    }

    private static String melody(String nodes, String connections) {
        return "{\"formatVersion\":1,\"name\":\"pattern\",\"nodes\":[" + nodes + "],\"connections\":[" + connections + "]}";
    }

    private static String c(String from, String to) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    private int index(String type, String node) {
        int i = h.indexOf(type, node);
        if (i < 0) {
            throw new AssertionError("no " + type + " of " + node + " in " + h.events);
        }
        return i;
    }

    @Test
    void wcp1Sequence() throws Exception {
        RunResult r = h.run(melody(String.join(",", call("a", "echo", "{\"text\":\"x\"}"),
                call("b", "upper", "{\"text\":\"${a.text}\"}"), call("c", "echo", "{\"text\":\"${b.text}y\"}")),
                c("a", "b") + "," + c("b", "c")));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("a", "b", "c"), h.finished());
        assertTrue(index("node.finished", "a") < index("node.started", "b"));
        assertTrue(index("node.finished", "b") < index("node.started", "c"));
    }

    @Test
    void wcp2ParallelSplitAndWcp3Synchronization() throws Exception {
        RunResult r = h.run(melody(String.join(",", call("a", "echo", "{\"text\":\"x\"}"), sleep("b", 150), sleep("c", 150),
                call("d", "echo", "{\"text\":\"${b.text}+${c.text}\"}")),
                String.join(",", c("a", "b"), c("a", "c"), c("b", "d"), c("c", "d"))));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        // WCP2: both branches run at the same time (each starts before the other finishes).
        assertTrue(index("node.started", "b") < index("node.finished", "c"));
        assertTrue(index("node.started", "c") < index("node.finished", "b"));
        // WCP3: the join starts only after both branches finished, and once.
        assertTrue(index("node.finished", "b") < index("node.started", "d"));
        assertTrue(index("node.finished", "c") < index("node.started", "d"));
        assertEquals(List.of("d"), h.finished().subList(3, 4));
        assertEquals(4, h.finished().size());
    }

    private String choice() {
        return String.join(",", "{\"id\":\"text\",\"type\":\"input\",\"schema\":{\"type\":\"string\"}}",
                "{\"id\":\"size\",\"type\":\"condition\",\"cases\":[{\"when\":\"len(text) > 5\",\"branch\":\"long\"}],\"default\":\"short\"}",
                call("longPath", "upper", "{\"text\":\"${text}\"}"), call("shortPath", "echo", "{\"text\":\"${text}\"}"),
                call("merge", "echo", "{\"text\":\"${coalesce(longPath.text, shortPath.text)}\"}"));
    }

    private String choiceConnections() {
        return String.join(",", c("text", "size"),
                "{\"from\":\"size\",\"to\":\"longPath\",\"branch\":\"long\"}",
                "{\"from\":\"size\",\"to\":\"shortPath\",\"branch\":\"short\"}",
                c("longPath", "merge"), c("shortPath", "merge"));
    }

    @Test
    void wcp4ExclusiveChoiceAndWcp5SimpleMerge() throws Exception {
        RunResult r = h.run(melody(choice(), choiceConnections()), "{\"text\":\"hello world\"}");
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("text", "size", "longPath", "merge"), h.finished());
        assertEquals(List.of("shortPath"), h.trace("node.skipped"));
        assertTrue(h.ops.calls.get(h.ops.calls.size() - 1).contains("HELLO WORLD"), h.ops.calls.toString());
    }

    @Test
    void wcp4TheOtherBranch() throws Exception {
        RunResult r = h.run(melody(choice(), choiceConnections()), "{\"text\":\"hi\"}");
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("text", "size", "shortPath", "merge"), h.finished());
        assertEquals(List.of("longPath"), h.trace("node.skipped"));
    }

    @Test
    void wcp6MultiChoiceAndWcp7StructuredSynchronizingMerge() throws Exception {
        RunResult r = h.run(melody(String.join(",", call("a", "words", "{\"text\":\"x y z\"}"),
                sleep("b", 400), sleep("c", 10), sleep("d", 10), call("e", "echo", "{\"text\":\"joined\"}")),
                String.join(",", "{\"from\":\"a\",\"to\":\"b\",\"when\":\"a.count > 1\"}",
                        "{\"from\":\"a\",\"to\":\"c\",\"when\":\"contains(a.words, 'y')\"}",
                        "{\"from\":\"a\",\"to\":\"d\",\"when\":\"a.count > 5\"}",
                        c("b", "e"), c("c", "e"), c("d", "e"))));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        // WCP6: two of the three conditional branches are taken.
        assertEquals(List.of("d"), h.trace("node.skipped"));
        // WCP7: the merge waits for every taken branch (b is slower than c), not for the dead one, and runs once.
        assertEquals(List.of("a", "c", "b", "e"), h.finished());
    }

    @Test
    void wcp8MultiMerge() throws Exception {
        RunResult r = h.run(melody(String.join(",", call("a", "echo", "{\"text\":\"x\"}"), sleep("b", 10), sleep("c", 400),
                "{\"id\":\"m\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"join\":\"each\",\"input\":{\"text\":\"merged\"}}"),
                String.join(",", c("a", "b"), c("a", "c"), c("b", "m"), c("c", "m"))));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        // The merge runs once per incoming branch, each time as soon as that branch is done.
        assertEquals(List.of("a", "b", "m#1", "c", "m#2"), h.finished());
    }

    @Test
    void wcp9StructuredDiscriminator() throws Exception {
        RunResult r = h.run(melody(String.join(",", call("a", "echo", "{\"text\":\"x\"}"), sleep("b", 10), sleep("c", 400),
                "{\"id\":\"first\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"join\":\"first\",\"input\":{\"text\":\"${coalesce(b.text, c.text)}\"}}"),
                String.join(",", c("a", "b"), c("a", "c"), c("b", "first"), c("c", "first"))));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        // Fires on the first branch to finish, once; the later branch completes without firing it again.
        assertEquals(List.of("a", "b", "first", "c"), h.finished());
    }

    @Test
    void wcp14MultipleInstancesWithRunTimeKnowledge() throws Exception {
        RunResult r = h.run(melody(String.join(",", "{\"id\":\"text\",\"type\":\"input\"}",
                call("split", "words", "{\"text\":\"${text}\"}"),
                "{\"id\":\"each\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"forEach\":\"split.words\",\"input\":{\"text\":\"${index}:${item}\"}}",
                "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${each}\"}"),
                String.join(",", c("text", "split"), c("split", "each"), c("each", "out"))), "{\"text\":\"one two three four\"}");
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals("[{\"text\":\"0:ONE\"},{\"text\":\"1:TWO\"},{\"text\":\"2:THREE\"},{\"text\":\"3:FOUR\"}]",
                r.outputs().get("out").toString());
        assertEquals(List.of("each", "each", "each", "each"), h.trace("node.progress"));
        assertEquals(List.of("text", "split", "each", "out"), h.finished());
    }

    /** a, then the first of two events: a reply (delivered to the run) or a timer; only the first one's branch starts. */
    private static String deferredChoice(long timeoutMs) {
        return melody(String.join(",", call("a", "echo", "{\"text\":\"x\"}"),
                "{\"id\":\"reply\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\","
                        + "\"awaits\":{\"choice\":\"answer\",\"event\":\"mail/reply\"},\"input\":{\"text\":\"${event.text}\"}}",
                "{\"id\":\"timeout\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\","
                        + "\"awaits\":{\"choice\":\"answer\",\"afterMs\":" + timeoutMs + "},\"input\":{\"text\":\"late\"}}",
                call("handleReply", "echo", "{\"text\":\"${reply.text}\"}"),
                call("escalate", "echo", "{\"text\":\"escalated\"}")),
                String.join(",", c("a", "reply"), c("a", "timeout"), c("reply", "handleReply"), c("timeout", "escalate")));
    }

    @Test
    void wcp16DeferredChoiceTheEventThatArrivesFirstStartsItsBranchOnly() throws Exception {
        Thread mail = new Thread(() -> { // the reply comes once the run is under way (an earlier one would not count)
            try {
                while (h.indexOf("node.finished", "a") < 0) {
                    Thread.sleep(10);
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            h.inbox.deliver("mail/reply", TestOperators.json("{\"text\":\"yes please\"}"));
        });
        mail.start();
        RunResult r = h.run(deferredChoice(60_000));
        mail.join();
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("a", "reply"), h.trace("node.started").subList(0, 2), "nothing of either branch started before the event");
        assertEquals(-1, h.indexOf("node.started", "timeout"), "the branch whose event did not come first never starts");
        assertEquals(List.of("a", "reply", "handleReply"), h.finished());
        assertEquals(List.of("timeout"), h.trace("node.cancelled"));
        assertEquals(List.of("escalate"), h.trace("node.skipped"));
        assertEquals("test.ops/echo {\"text\":\"yes please\"}", h.ops.calls.get(1), "the event's payload is the node's 'event'");
    }

    @Test
    void wcp16DeferredChoiceATimerCanComeFirst() throws Exception {
        RunResult r = h.run(deferredChoice(50));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(-1, h.indexOf("node.started", "reply"));
        assertEquals(List.of("a", "timeout", "escalate"), h.finished());
        assertEquals(List.of("reply"), h.trace("node.cancelled"));
        assertEquals(List.of("handleReply"), h.trace("node.skipped"));
    }

    @Test
    void wcp19CancelTask() throws Exception {
        RunResult r = h.run(melody(String.join(",", call("a", "echo", "{\"text\":\"x\"}"), sleep("slow", 3000),
                call("afterSlow", "echo", "{\"text\":\"never\"}"),
                "{\"id\":\"decide\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"cancels\":[\"slow\"],\"input\":{\"ms\":50}}",
                call("done", "echo", "{\"text\":\"done\"}")),
                String.join(",", c("a", "slow"), c("slow", "afterSlow"), c("a", "decide"), c("decide", "done"))));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("a", "decide", "done"), h.finished());
        assertEquals(List.of("slow"), h.trace("node.cancelled"));
        assertEquals(List.of("afterSlow"), h.trace("node.skipped"));
    }

    @Test
    void wcp20CancelCase() throws Exception {
        RunResult r = h.run(melody(String.join(",", call("a", "echo", "{\"text\":\"x\"}"), sleep("slow", 3000),
                call("afterSlow", "echo", "{\"text\":\"never\"}"),
                "{\"id\":\"abort\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"cancels\":\"run\",\"input\":{\"ms\":50}}",
                call("afterAbort", "echo", "{\"text\":\"never\"}")),
                String.join(",", c("a", "slow"), c("slow", "afterSlow"), c("a", "abort"), c("abort", "afterAbort"))));
        assertEquals(RunStatus.CANCELLED, r.status());
        assertEquals(List.of("a", "abort"), h.finished());
        assertEquals(List.of("slow", "afterSlow", "afterAbort"), h.trace("node.cancelled"));
    }

    @Test
    void wcp21StructuredLoop() throws Exception {
        RunResult r = h.run(melody(String.join(",", "{\"id\":\"start\",\"type\":\"input\",\"default\":0}",
                "{\"id\":\"count\",\"type\":\"loop\",\"maxIterations\":10,\"until\":\"next >= 3\","
                        + "\"inputs\":{\"n\":\"${coalesce(previous.next, start)}\"},"
                        + "\"body\":{\"nodes\":[{\"id\":\"n\",\"type\":\"input\"},"
                        + call("say", "echo", "{\"text\":\"step ${n}\"}") + ","
                        + "{\"id\":\"next\",\"type\":\"output\",\"value\":\"${n + 1}\"}],"
                        + "\"connections\":[{\"from\":\"n\",\"to\":\"say\"},{\"from\":\"say\",\"to\":\"next\"}]}}",
                "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${count}\"}"),
                String.join(",", c("start", "count"), c("count", "out"))));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals("{\"next\":3,\"iterations\":3}", r.outputs().get("out").toString());
        assertEquals(List.of("start", "count/1/n", "count/1/say", "count/1/next", "count/2/n", "count/2/say", "count/2/next",
                "count/3/n", "count/3/say", "count/3/next", "count", "out"), h.finished());
    }
}
