package dev.symphony.editor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearcherTest {

    @Test
    void optionsCaseAndWholeWord() {
        Rope r = Rope.of("Foo food foo_bar FOO foo", 3, 4);
        assertEquals(List.of(new TextRange(21, 24)), new Searcher(r, SearchQuery.literal("foo").wholeWords()).all());
        assertEquals(3, new Searcher(r, SearchQuery.literal("foo").wholeWords().ignoringCase()).all().size());
        assertEquals(5, new Searcher(r, SearchQuery.literal("foo").ignoringCase()).all().size());
        assertEquals(2, new Searcher(r, SearchQuery.regex("f\\w+d")).all().size() + 1);
    }

    @Test
    void nextAndPreviousWrap() {
        Rope r = Rope.of("ab ab ab", 2, 4);
        Searcher s = new Searcher(r, SearchQuery.literal("ab"));
        assertEquals(Optional.of(new TextRange(3, 5)), s.next(1, true));
        assertEquals(Optional.of(new TextRange(0, 2)), s.next(7, true));
        assertEquals(Optional.empty(), s.next(7, false));
        assertEquals(Optional.of(new TextRange(3, 5)), s.previous(6, true));
        assertEquals(Optional.of(new TextRange(6, 8)), s.previous(0, true));
        assertEquals(Optional.empty(), s.previous(0, false));
    }

    @Test
    void findAllOverTheRopeViewMatchesStringSearch() {
        Seeds.run("Searcher differential", rnd -> {
            for (int round = 0; round < 50; round++) {
                String text = Seeds.text(rnd, 3000);
                Rope rope = Rope.of(text, 2 + rnd.nextInt(50), 4);
                String regex = new String[] {"a+b", "\\s\\w", "^[a-f]", "[^\\n]$", "(\\w)\\1"}[rnd.nextInt(5)];
                Pattern p = SearchQuery.regex(regex).compile();
                List<TextRange> expect = new ArrayList<>();
                Matcher m = p.matcher(text);
                while (m.find()) {
                    expect.add(new TextRange(m.start(), m.end()));
                }
                assertEquals(expect, new Searcher(rope, p).all());
            }
        });
    }
}
