package dev.symphony.editor.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Node;

/** Apple XML property list values as Java maps, lists, strings, numbers and booleans. */
final class PropertyList {

    private PropertyList() {
    }

    static Object value(Node n) {
        switch (n.getNodeName()) {
            case "dict": {
                Map<String, Object> map = new LinkedHashMap<>();
                String key = null;
                for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeType() != Node.ELEMENT_NODE) {
                        continue;
                    }
                    if (c.getNodeName().equals("key")) {
                        key = c.getTextContent();
                    } else if (key != null) {
                        map.put(key, value(c));
                        key = null;
                    }
                }
                return map;
            }
            case "array": {
                List<Object> list = new ArrayList<>();
                for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeType() == Node.ELEMENT_NODE) {
                        list.add(value(c));
                    }
                }
                return list;
            }
            case "integer":
                return Long.parseLong(n.getTextContent().trim());
            case "real":
                return Double.parseDouble(n.getTextContent().trim());
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default: // string, date, data
                return n.getTextContent();
        }
    }
}
