package dev.symphony.conductor.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.run.TestOperators;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Invalid Melodies are rejected with the JSON path of every problem. */
class MelodyValidationTest {
    private final MelodyReader reader = new MelodyReader(new TestOperators());

    private List<String> problems(String json) {
        InvalidMelodyException e = assertThrows(InvalidMelodyException.class, () -> reader.parse(json, Path.of("x.melody.json")));
        return e.problems().stream().map(Problem::toString).collect(Collectors.toList());
    }

    private static String melody(String nodes, String connections) {
        return "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[" + nodes + "],\"connections\":[" + connections + "]}";
    }

    private static String echo(String id, String text) {
        return "{\"id\":\"" + id + "\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"" + text + "\"}}";
    }

    private static void has(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected a problem containing '" + expected + "' in " + problems);
    }

    @Test
    void aValidMelodyParses() throws Exception {
        Melody m = reader.parse(melody(echo("a", "x") + "," + echo("b", "${a.text}"), "{\"from\":\"a\",\"to\":\"b\"}"), null);
        assertEquals(2, m.nodes().size());
    }

    @Test
    void resourcesAreForScheduledNodesAndWellFormed() {
        has(problems(melody("{\"id\":\"o\",\"type\":\"output\",\"value\":\"x\",\"resources\":[\"file:a\"]}", "")),
                "$.nodes[0].resources: only call, loop and melody nodes hold resources");
        has(problems(melody("{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{},"
                + "\"priority\":2,\"resources\":[{\"name\":\"m\",\"kind\":\"disk\"}]}", "")), "$.nodes[0].priority");
    }

    @Test
    void aGateIsACallsAndNeedsAScoreForItsMinimum() {
        has(problems(melody("{\"id\":\"o\",\"type\":\"output\",\"value\":1,\"gate\":{\"score\":\"1\"}}", "")),
                "$.nodes[0].gate: only call nodes have a quality gate ('o' is of type output)");
        has(problems(melody("{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{},"
                + "\"gate\":{\"minScore\":0.5}}", "")), "$.nodes[0].gate: minScore needs a 'score' expression");
    }

    @Test
    void aDeferredChoiceHasTwoBranchesEachWithOneEventOrTimer() {
        String awaits = "{\"id\":\"r\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"${event.text}\"},"
                + "\"awaits\":{\"choice\":\"answer\",\"event\":\"mail/reply\",\"afterMs\":5}}";
        List<String> p = problems(melody(awaits, ""));
        has(p, "$.nodes[0].awaits: give either 'event' (a name delivered to the run) or 'afterMs' (a timer), not both");
        has(p, "$.nodes[0].awaits.choice: deferred choice 'answer' has only 'r': give the other branches' first nodes the same choice");
        has(problems(melody("{\"id\":\"o\",\"type\":\"output\",\"value\":1,\"awaits\":{\"choice\":\"c\",\"afterMs\":1}},"
                + "{\"id\":\"p\",\"type\":\"output\",\"value\":1,\"awaits\":{\"choice\":\"c\",\"event\":\"e\"}}", "")),
                "$.nodes[0].awaits: only call, loop and melody nodes await an event ('o' is of type output)");
        has(problems(melody(echo("x", "${event.text}"), "")), "event");
    }

    @Test
    void jsonSyntaxErrorsNameFileLineColumnAndJsonPathInWords() {
        assertEquals(List.of("$.name: not valid JSON at x.melody.json:2:9: Unexpected character '}': expected a value"),
                problems("{\"formatVersion\":1,\n\"name\": }"));
        assertEquals(List.of("$.nodes: not valid JSON at x.melody.json:2:1: the file ends before the array opened at line 1,"
                + " column 39 is closed"), problems("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[\n"));
        List<String> inNode = problems("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"a\"},\n  {\"id\":\"b\",}]}");
        assertEquals(1, inNode.size(), inNode.toString());
        assertTrue(inNode.get(0).startsWith("$.nodes[1].id: not valid JSON at x.melody.json:2:13: "), inNode.get(0));
        assertTrue(inNode.stream().noneMatch(p -> p.contains("Source") || p.contains("code 1")), inNode.toString());
        assertEquals(List.of("$.nodes[0].id: not valid JSON at x.melody.json:1:54: Duplicate field 'id'"),
                problems("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"a\",\"id\":\"b\"}]}"));
    }

    @Test
    void layoutPlacesExistingNodesOnly() throws Exception {
        String m = melody(echo("a", "x"), "");
        reader.parse(m.replace("\"connections\"", "\"layout\":{\"a\":{\"x\":10,\"y\":-2.5}},\"connections\""), null);
        has(problems(m.replace("\"connections\"", "\"layout\":{\"ghost\":{\"x\":1,\"y\":2}},\"connections\"")),
                "$.layout.ghost: no node 'ghost' to place");
        has(problems(m.replace("\"connections\"", "\"layout\":{\"a\":{\"x\":1}},\"connections\"")), "$.layout.a");
    }

    @Test
    void schemaProblemsCarryTheirJsonPath() {
        List<String> p = problems("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"a\",\"type\":\"call\"},"
                + "{\"id\":\"b-c\",\"type\":\"teleport\"}],\"extra\":1}");
        has(p, "$.nodes[0]: required property 'capability' not found");
        has(p, "$.nodes[1].id");
        has(p, "$.nodes[1].type");
        has(p, "$: property 'extra' is not defined");
    }

    @Test
    void aNewerFormatVersionIsRefusedClearly() {
        has(problems("{\"formatVersion\":2,\"name\":\"t\",\"nodes\":[]}"), "$.formatVersion: format version 2 is newer");
    }

    @Test
    void cyclesAreNamed() {
        List<String> p = problems(melody(echo("a", "x") + "," + echo("b", "x") + "," + echo("c", "x") + "," + echo("d", "x"),
                "{\"from\":\"d\",\"to\":\"a\"},{\"from\":\"a\",\"to\":\"b\"},{\"from\":\"b\",\"to\":\"c\"},{\"from\":\"c\",\"to\":\"a\"}"));
        assertEquals(1, p.size(), p.toString());
        String cycle = p.get(0).replaceAll(".*cycle: ([a-d -> ]+) \\(.*", "$1");
        assertTrue((cycle + cycle.substring(cycle.indexOf(" -> "))).contains("a -> b -> c -> a"), p.toString());
        assertTrue(!cycle.contains("d"), "d is not on the cycle: " + p);
    }

    @Test
    void unknownAndNonUpstreamReferences() {
        List<String> p = problems(melody(echo("alpha", "${alpah.text}") + "," + echo("b", "${c.text}") + "," + echo("c", "x"),
                "{\"from\":\"alpha\",\"to\":\"zeta\"}"));
        has(p, "$.connections[0].to: unknown node 'zeta'");
        has(p, "$.nodes[0].input.text: unknown node 'alpah' in 'alpah.text' (did you mean 'alpha'?)");
        has(p, "$.nodes[1].input.text: 'c.text' reads node 'c', which is not upstream of 'b' (add a connection c -> b)");
    }

    @Test
    void unknownExtensionsAndCapabilities() {
        List<String> p = problems(melody("{\"id\":\"a\",\"type\":\"call\",\"extension\":\"no.such\",\"capability\":\"x\"},"
                + "{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"nope\"},"
                + "{\"id\":\"c\",\"type\":\"call\",\"capability\":\"unheard-of\"}", ""));
        has(p, "$.nodes[0].extension: unknown extension 'no.such'");
        has(p, "$.nodes[1].capability: test.ops has no capability 'nope'");
        has(p, "$.nodes[2].capability: no installed extension offers capability 'unheard-of'");
    }

    @Test
    void typeMismatchBetweenConnectedPorts() {
        List<String> p = problems(melody("{\"id\":\"w\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"words\",\"input\":{\"text\":\"a b\"}},"
                + "{\"id\":\"n\",\"type\":\"input\",\"schema\":{\"type\":\"integer\"}},"
                + echo("e", "${w.words}") + "," + echo("f", "${n}") + "," + echo("g", "${w.words[0]}"),
                "{\"from\":\"w\",\"to\":\"e\"},{\"from\":\"n\",\"to\":\"f\"},{\"from\":\"w\",\"to\":\"g\"}"));
        has(p, "$.nodes[2].input.text: type mismatch: 'w.words' is array but test.ops/echo input 'text' expects string");
        has(p, "$.nodes[3].input.text: type mismatch: 'n' is number but test.ops/echo input 'text' expects string");
        assertTrue(p.stream().noneMatch(x -> x.contains("nodes[4]")), p.toString());
    }

    @Test
    void strategyBranchExpressionAndTriggerRules() {
        List<String> p = problems("{\"formatVersion\":1,\"name\":\"t\",\"triggers\":[{\"type\":\"scheduled\",\"cron\":\"61 * * * *\"},"
                + "{\"type\":\"chained\",\"after\":\"missing.melody.json\"},{\"type\":\"manual\"}],\"nodes\":["
                + "{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"onError\":{\"then\":\"skip\"}},"
                + "{\"id\":\"c\",\"type\":\"condition\",\"cases\":[{\"when\":\"a.text ==\",\"branch\":\"yes\"}]},"
                + echo("d", "x") + "],\"connections\":[{\"from\":\"a\",\"to\":\"c\"},{\"from\":\"c\",\"to\":\"d\",\"branch\":\"maybe\"}]}");
        has(p, "$.nodes[0].onError.then: skip is only for non-essential nodes");
        has(p, "$.nodes[1].cases[0].when: bad expression 'a.text =='");
        has(p, "$.connections[1].branch: 'c' has no branch 'maybe'; it has yes");
        has(p, "$.triggers[0].cron: minute field '61': 61 is outside 0-59");
        has(p, "$.triggers[1].after: no such Melody file");
    }

    @Test
    void loopsNeedAnOutputAndKnownInputs() {
        List<String> p = problems(melody("{\"id\":\"l\",\"type\":\"loop\",\"maxIterations\":3,\"inputs\":{\"q\":1},"
                + "\"body\":{\"nodes\":[{\"id\":\"n\",\"type\":\"input\"}]}}", ""));
        has(p, "$.nodes[0].inputs.q: the loop body has no input node 'q'");
        has(p, "$.nodes[0].body: a loop body needs at least one output node");
        has(problems(melody("{\"id\":\"l\",\"type\":\"loop\",\"body\":{\"nodes\":[{\"id\":\"o\",\"type\":\"output\",\"value\":1}]}}", "")),
                "$.nodes[0]: required property 'maxIterations' not found");
    }

    @Test
    void subMelodiesAreValidatedAndCyclesBetweenFilesReported(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("a.melody.json"), melody("{\"id\":\"b\",\"type\":\"melody\",\"path\":\"b.melody.json\"}", ""));
        java.nio.file.Files.writeString(dir.resolve("b.melody.json"), melody("{\"id\":\"a\",\"type\":\"melody\",\"path\":\"a.melody.json\"},"
                + echo("e", "${nope.text}"), ""));
        InvalidMelodyException e = assertThrows(InvalidMelodyException.class, () -> reader.read(dir.resolve("a.melody.json")));
        List<String> p = e.problems().stream().map(Problem::toString).toList();
        has(p, "$.nodes[0].path: b.melody.json $.nodes[0].path: sub-Melody cycle: a.melody.json includes itself");
        has(p, "b.melody.json $.nodes[1].input.text: unknown node 'nope'");
    }

    @Test
    void reconstructionMustComeFromALaterNode() {
        has(problems(melody(echo("a", "x") + ",{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\","
                + "\"reconstruct\":{\"from\":\"a\",\"value\":\"${a}\"}}", "{\"from\":\"a\",\"to\":\"b\"}")),
                "$.nodes[1].reconstruct.from: 'a' does not depend on 'b'");
    }
}
