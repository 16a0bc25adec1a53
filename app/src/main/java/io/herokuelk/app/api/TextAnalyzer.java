package io.herokuelk.app.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns text into search terms: Unicode word boundaries, NFKC normalisation, case folding, English stop words
 * dropped. This is the app's heavy part: building it loads the JDK's break-iterator rules and normalisation tables
 * and the stop-word list, so it is built on first use, never at start-up.
 */
public final class TextAnalyzer {

    /**
     * Statistics of one text.
     *
     * @param characters Unicode code points
     * @param words word tokens, stop words included
     * @param uniqueTerms distinct terms after normalisation, stop words excluded
     * @param sentences sentences by Unicode sentence boundaries
     * @param readingTimeSeconds at 230 words a minute
     * @param topTerms most frequent terms, most frequent first
     */
    public record Stats(
            int characters,
            int words,
            @JsonProperty("unique_terms") int uniqueTerms,
            int sentences,
            @JsonProperty("reading_time_seconds") int readingTimeSeconds,
            @JsonProperty("top_terms") List<TermCount> topTerms) {}

    public record TermCount(String term, int count) {}

    private static final int WORDS_PER_MINUTE = 230;

    private final Set<String> stopWords;

    public TextAnalyzer() {
        this.stopWords = loadStopWords();
        terms("Warm up: the rules and tables load here, once."); // so the first real request pays nothing more
    }

    public int stopWordCount() {
        return stopWords.size();
    }

    /** The terms of a text, in order, with repeats. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : words(text)) {
            if (!stopWords.contains(word)) {
                terms.add(word);
            }
        }
        return terms;
    }

    public Stats stats(String text, int top) {
        List<String> words = words(text);
        Map<String, Integer> counts = new HashMap<>();
        for (String word : words) {
            if (!stopWords.contains(word)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        List<TermCount> topTerms = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> new TermCount(e.getKey(), e.getValue()))
                .toList();
        return new Stats(
                text.codePointCount(0, text.length()),
                words.size(),
                counts.size(),
                sentences(text),
                (int) Math.round(words.size() * 60.0 / WORDS_PER_MINUTE),
                topTerms);
    }

    /** Normalised word tokens: only those holding a letter or a digit, so punctuation and spaces are skipped. */
    private static List<String> words(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        BreakIterator boundaries = BreakIterator.getWordInstance(Locale.ROOT);
        boundaries.setText(normalised);
        List<String> words = new ArrayList<>();
        int start = boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            String token = normalised.substring(start, end);
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(token);
            }
        }
        return words;
    }

    private static int sentences(String text) {
        BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ROOT);
        boundaries.setText(text);
        int count = 0;
        int start = boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            if (!text.substring(start, end).isBlank()) {
                count++;
            }
        }
        return count;
    }

    private static Set<String> loadStopWords() {
        try (InputStream in = TextAnalyzer.class.getResourceAsStream("stopwords-en.txt")) {
            if (in == null) {
                throw new IllegalStateException("stopwords-en.txt missing from the class path");
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+"))
                    .filter(word -> !word.isBlank() && !word.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
