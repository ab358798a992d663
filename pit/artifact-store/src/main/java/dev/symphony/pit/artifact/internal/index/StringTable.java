package dev.symphony.pit.artifact.internal.index;

import java.util.ArrayList;
import java.util.List;

import org.agrona.collections.Object2IntHashMap;

/** Interns the few distinct strings (producers, runs, nodes, names, media types) into int ids; id 0 = "". */
public final class StringTable {
    private final Object2IntHashMap<String> ids = new Object2IntHashMap<>(-1);
    private final List<String> strings = new ArrayList<>();

    public StringTable() {
        intern("");
    }

    public int intern(String value) {
        int id = ids.getValue(value);
        if (id < 0) {
            id = strings.size();
            strings.add(value);
            ids.put(value, id);
        }
        return id;
    }

    /** The id of a string already interned, or -1. */
    public int find(String value) {
        return ids.getValue(value);
    }

    public String get(int id) {
        return strings.get(id);
    }
}
