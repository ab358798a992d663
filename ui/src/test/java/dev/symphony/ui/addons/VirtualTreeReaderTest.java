package dev.symphony.ui.addons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A tree from an extension is hostile: every refusal names the JSON path of the problem. */
class VirtualTreeReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String problem(String json) throws Exception {
        return assertThrows(BadTreeException.class, () -> VirtualTreeReader.read(JSON.readTree(json))).getMessage();
    }

    @Test
    void readsAValidTree() throws Exception {
        VNode root = VirtualTreeReader.read(JSON.readTree("""
                {"id":"r","component":"column","children":[
                  {"id":"t","component":"text","props":{"text":"hi"}},
                  {"id":"b","component":"button","props":{"text":"+"},"handlers":[{"event":"click","action":"inc"}]},
                  {"id":"tree","component":"tree","children":[{"id":"i1","component":"treeItem","props":{"text":"a"},
                     "children":[{"id":"i2","component":"treeItem","props":{"text":"b"}}]}]}]}"""));
        assertEquals(java.util.List.of("t", "b", "tree"), root.childIds());
        assertEquals("inc", root.children().get(1).handlers().get("click"));
    }

    @Test
    void refusesBadTreesWithThePathOfTheProblem() throws Exception {
        assertEquals("$.children[1].component: unknown component 'marquee'",
                problem("{\"id\":\"r\",\"component\":\"column\",\"children\":[{\"id\":\"a\",\"component\":\"column\"},{\"id\":\"b\",\"component\":\"marquee\"}]}"));
        assertEquals("$.children[1].id: duplicate id 'a' (ids must be unique in a tree)",
                problem("{\"id\":\"r\",\"component\":\"row\",\"children\":[{\"id\":\"a\",\"component\":\"row\"},{\"id\":\"a\",\"component\":\"row\"}]}"));
        assertEquals("$.children[0].props.value: a progress needs a number",
                problem("{\"id\":\"r\",\"component\":\"row\",\"children\":[{\"id\":\"p\",\"component\":\"progress\",\"props\":{\"value\":\"half\"}}]}"));
        assertEquals("$.children: a text has no children",
                problem("{\"id\":\"r\",\"component\":\"text\",\"props\":{\"text\":\"x\"},\"children\":[{\"id\":\"c\",\"component\":\"row\"}]}"));
        assertEquals("$.children[0].component: a tree holds only treeItems, not 'text'",
                problem("{\"id\":\"r\",\"component\":\"tree\",\"children\":[{\"id\":\"c\",\"component\":\"text\",\"props\":{\"text\":\"x\"}}]}"));
        assertEquals("$.id: a non-empty string is required", problem("{\"component\":\"row\"}"));
        assertEquals("$: a node must be an object with id and component", problem("[1,2]"));
    }

    @Test
    void refusesATreeDeeperThanTheLimit() throws Exception {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i <= VirtualTreeReader.MAX_DEPTH + 1; i++) {
            deep.append("{\"id\":\"n").append(i).append("\",\"component\":\"column\",\"children\":[");
        }
        deep.append("]}".repeat(VirtualTreeReader.MAX_DEPTH + 2));
        assertTrue(problem(deep.toString()).endsWith("deeper than " + VirtualTreeReader.MAX_DEPTH + " levels"));
    }

    @Test
    void refusesATextTooLongToLayOut() throws Exception {
        String longText = "x".repeat(VirtualTreeReader.MAX_TEXT + 1);
        assertEquals("$.children[0].props.code: longer than " + VirtualTreeReader.MAX_TEXT + " characters",
                problem("{\"id\":\"r\",\"component\":\"column\",\"children\":[{\"id\":\"c\",\"component\":\"code\",\"props\":{\"code\":\""
                        + longText + "\"}}]}"));
        VirtualTreeReader.read(JSON.readTree("{\"id\":\"c\",\"component\":\"code\",\"props\":{\"code\":\""
                + "x".repeat(VirtualTreeReader.MAX_TEXT) + "\"}}"));
    }
}
