package io.herokuelk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each documented variable table lists exactly the variables its code reads ({@link WhatTheCodeReads}): a variable read
 * but not documented fails, and so does a row for a variable that nothing reads.
 */
class DocumentedVariablesTest {

    @TestFactory
    Stream<DynamicTest> theReadmeTablesListWhatTheCodeReads() {
        return WhatTheCodeReads.readsBySection().entrySet().stream().map(entry -> {
            DocumentedVariables section = entry.getKey();
            return DynamicTest.dynamicTest(section.file() + " " + section.heading(), () -> {
                Set<String> read = entry.getValue();
                Set<String> documented = section.names();
                assertThat(difference(read, documented))
                        .as(
                                "the programs documented under '%s' in %s read these variables, but its tables have no"
                                        + " row for them",
                                section.heading(), section.file())
                        .isEmpty();
                assertThat(difference(documented, read))
                        .as(
                                "the tables under '%s' in %s document these variables, but no program documented there"
                                        + " reads them (or no sample in WhatTheCodeReads reaches the branch that reads them)",
                                section.heading(), section.file())
                        .isEmpty();
            });
        });
    }

    private static Set<String> difference(Set<String> all, Set<String> minus) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(minus);
        return rest;
    }
}
