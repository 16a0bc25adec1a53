package io.herokuelk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Test
    void termsAreFoldedNormalisedAndWithoutStopWords() {
        assertThat(analyzer.terms("The Dyno's ＲＳＳ is over the quota!")).containsExactly("dyno's", "rss", "quota");
    }

    @Test
    void statsCountWordsSentencesAndTopTerms() {
        TextAnalyzer.Stats stats = analyzer.stats("Memory grows. Memory shrinks! Then memory grows again?", 2);
        assertThat(stats.words()).isEqualTo(8);
        assertThat(stats.sentences()).isEqualTo(3);
        assertThat(stats.topTerms())
                .containsExactly(new TextAnalyzer.TermCount("memory", 3), new TextAnalyzer.TermCount("grows", 2));
        assertThat(stats.uniqueTerms()).isEqualTo(3); // memory, grows, shrinks: "then" and "again" are stop words
    }
}
