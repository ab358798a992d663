package dev.symphony.editor.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SearchCdsTrainingTest {

    @Test
    void runsOnlyWhenAskedAndFindsWhatTheIgnoreFileLeaves() {
        System.clearProperty(SearchCdsTraining.PROPERTY);
        assertFalse(SearchCdsTraining.runIfAsked());
        System.setProperty(SearchCdsTraining.PROPERTY, "true");
        try {
            assertTrue(SearchCdsTraining.runIfAsked(), "one literal and one regex match in a.java; b.log is ignored");
        } finally {
            System.clearProperty(SearchCdsTraining.PROPERTY);
        }
    }
}
