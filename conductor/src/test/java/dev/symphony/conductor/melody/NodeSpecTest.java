package dev.symphony.conductor.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a Melody builds one typed record per node: each field's meaning is read here, not by the executor. */
class NodeSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Melody read(String nodes) throws Exception {
        return MelodyReader.build(JSON.readTree("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[" + nodes + "]}"), null, "$");
    }

    @Test
    void everyKindHasItsRecord() throws Exception {
        Melody m = read("{\"id\":\"i\",\"type\":\"input\",\"schema\":{\"type\":\"string\"},\"default\":\"d\"},"
                + "{\"id\":\"c\",\"type\":\"call\",\"capability\":\"upper\",\"kind\":\"operator\",\"input\":{\"text\":\"${i}\"},"
                + "\"forEach\":\"i\",\"maxParallel\":2,\"timeoutMs\":500,\"gate\":{\"score\":\"1\",\"minScore\":0.5},"
                + "\"onError\":{\"retry\":{\"count\":2}},\"compensation\":\"undo\",\"preconditions\":[\"true\"],\"priority\":0.9,"
                + "\"reconstruct\":{\"from\":\"o\",\"value\":\"${o}\"},\"cancels\":\"run\",\"join\":\"first\",\"essential\":false},"
                + "{\"id\":\"k\",\"type\":\"condition\",\"cases\":[{\"when\":\"true\",\"branch\":\"a\"}],\"default\":\"b\"},"
                + "{\"id\":\"l\",\"type\":\"loop\",\"maxIterations\":3,\"until\":\"true\",\"onLimit\":\"fail\",\"body\":{\"nodes\":["
                + "{\"id\":\"x\",\"type\":\"output\",\"value\":1}]}},"
                + "{\"id\":\"a\",\"type\":\"approval\",\"prompt\":\"ok?\"},"
                + "{\"id\":\"s\",\"type\":\"melody\",\"path\":\"sub.melody.json\",\"inputs\":{\"x\":1}},"
                + "{\"id\":\"o\",\"type\":\"output\",\"value\":\"${c}\"}");
        NodeSpec.Input in = (NodeSpec.Input) m.node("i").orElseThrow().spec();
        assertEquals("\"d\"", in.defaultValue().toString());
        MelodyNode c = m.node("c").orElseThrow();
        NodeSpec.Call call = c.call();
        assertNull(call.extension());
        assertTrue(call.maestro());
        assertEquals("operator", call.kind());
        assertEquals(2, call.maxParallel());
        assertEquals(new NodeSpec.Gate(null, "1", 0.5), call.gate());
        assertEquals(2, call.onError().retry().count());
        NodeCommon common = c.common();
        assertEquals(500L, common.timeoutMs());
        assertEquals("undo", common.compensation());
        assertEquals(List.of("true"), common.preconditions());
        assertEquals(0.9, common.priority());
        assertEquals("o", common.reconstruct().from());
        assertEquals(List.of("*"), common.cancels());
        assertEquals(NodeCommon.Join.FIRST, common.join());
        assertFalse(common.essential());
        NodeSpec.Condition k = (NodeSpec.Condition) m.node("k").orElseThrow().spec();
        assertEquals(List.of(new NodeSpec.Condition.Case("true", "a")), k.cases());
        assertEquals(List.of("a", "b"), m.node("k").orElseThrow().branches());
        NodeSpec.Loop l = (NodeSpec.Loop) m.node("l").orElseThrow().spec();
        assertEquals(3, l.maxIterations());
        assertTrue(l.failOnLimit());
        assertEquals("x", l.body().nodes().get(0).id());
        assertEquals("ok?", ((NodeSpec.Approval) m.node("a").orElseThrow().spec()).prompt().asText());
        assertEquals("sub.melody.json", ((NodeSpec.SubMelody) m.node("s").orElseThrow().spec()).path());
    }

    @Test
    void defaultsAreReadInOnePlace() throws Exception {
        MelodyNode c = read("{\"id\":\"c\",\"type\":\"call\",\"extension\":\"e\",\"capability\":\"upper\"}").nodes().get(0);
        assertEquals(new NodeCommon(true, null, List.of(), NodeCommon.Join.ALL, List.of(), null, 0.5, null, null, List.of()), c.common());
        assertEquals(ErrorStrategy.DEFAULT, c.errorStrategy());
        assertNull(c.call().gate());
        assertEquals(30_000L, c.timeoutMs(30_000));
        assertFalse(((NodeSpec.Loop) read("{\"id\":\"l\",\"type\":\"loop\",\"maxIterations\":1,\"body\":{\"nodes\":["
                + "{\"id\":\"x\",\"type\":\"output\",\"value\":1}]}}").nodes().get(0).spec()).failOnLimit());
    }
}
