package dev.symphony.editor.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SumTreeTest {

    /** Sum of ints: the simplest monoid, so the test is about the tree, not the summary. */
    static final SummarySpec<Integer, Long> SUM = new SummarySpec<>() {
        @Override
        public Long summarize(Integer item) {
            return (long) item;
        }

        @Override
        public Long identity() {
            return 0L;
        }

        @Override
        public Long combine(Long a, Long b) {
            return a + b;
        }
    };

    @Test
    void randomReplaceSliceConcatMatchAList() {
        Seeds.run("SumTree differential", r -> {
            for (int round = 0; round < 30; round++) {
                int max = 4 + r.nextInt(5);
                List<Integer> ref = new ArrayList<>();
                SumTree<Integer, Long> t = SumTree.empty(SUM, max);
                for (int step = 0; step < 300; step++) {
                    int from = r.nextInt(ref.size() + 1);
                    int to = from + r.nextInt(Math.min(8, ref.size() - from) + 1);
                    List<Integer> items = new ArrayList<>();
                    int k = r.nextInt(4) == 0 ? r.nextInt(60) : r.nextInt(4);
                    for (int i = 0; i < k; i++) {
                        items.add(r.nextInt(1000));
                    }
                    int op = r.nextInt(10);
                    if (op == 0 && !ref.isEmpty()) {
                        int i = r.nextInt(ref.size());
                        int v = r.nextInt(1000);
                        ref.set(i, v);
                        t = t.set(i, v);
                    } else if (op == 1) {
                        SumTree<Integer, Long> s = t.slice(from, to);
                        s.checkInvariants();
                        assertEquals(ref.subList(from, to), s.toList());
                        SumTree<Integer, Long> doubled = s.concat(t);
                        doubled.checkInvariants();
                        List<Integer> expect = new ArrayList<>(ref.subList(from, to));
                        expect.addAll(ref);
                        assertEquals(expect, doubled.toList());
                    } else {
                        ref.subList(from, to).clear();
                        ref.addAll(from, items);
                        t = t.replace(from, to, items);
                    }
                    t.checkInvariants();
                    assertEquals(ref.size(), t.size());
                    assertEquals(ref.stream().mapToLong(Integer::longValue).sum(), t.summary());
                    if (!ref.isEmpty()) {
                        int i = r.nextInt(ref.size());
                        assertEquals(ref.get(i), t.get(i));
                        assertEquals(ref.subList(i, ref.size()), toList(t, i));
                        long target = r.nextInt((int) Math.max(1, t.summary()));
                        long[] acc = {0};
                        int found = t.seek(sum -> {
                            if (acc[0] + sum > target) {
                                return true;
                            }
                            acc[0] += sum;
                            return false;
                        });
                        long prefix = 0;
                        int expectIndex = 0;
                        while (expectIndex < ref.size() && prefix + ref.get(expectIndex) <= target) {
                            prefix += ref.get(expectIndex++);
                        }
                        assertEquals(expectIndex, found, "seek index");
                        assertEquals(prefix, acc[0], "seek prefix");
                    }
                }
                assertEquals(ref, t.toList());
            }
        });
    }

    private static List<Integer> toList(SumTree<Integer, Long> t, int from) {
        List<Integer> out = new ArrayList<>();
        t.iterator(from).forEachRemaining(out::add);
        return out;
    }

    @Test
    void bulkBuildIsBalancedForEverySize() {
        for (int n = 0; n < 200; n++) {
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(i);
            }
            SumTree<Integer, Long> t = SumTree.of(SUM, 4, items);
            t.checkInvariants();
            assertEquals(items, t.toList());
        }
    }
}
