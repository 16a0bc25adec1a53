package io.herokuelk.app.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An inverted index of notes (term to note ids with counts). Not thread-safe: {@link NotesService} guards it.
 * Every query term must match (AND); a hit's score is the sum of its query terms' counts.
 */
final class SearchIndex {

    record Hit(long noteId, int score) {}

    private final TextAnalyzer analyzer;
    private final Map<String, Map<Long, Integer>> postings = new HashMap<>();
    private final Map<Long, List<String>> termsByNote = new HashMap<>();

    SearchIndex(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    void add(Note note) {
        List<String> terms = analyzer.terms(note.text());
        termsByNote.put(note.id(), terms.stream().distinct().toList());
        for (String term : terms) {
            postings.computeIfAbsent(term, t -> new HashMap<>()).merge(note.id(), 1, Integer::sum);
        }
    }

    void remove(long noteId) {
        List<String> terms = termsByNote.remove(noteId);
        if (terms == null) {
            return;
        }
        for (String term : terms) {
            Map<Long, Integer> notes = postings.get(term);
            notes.remove(noteId);
            if (notes.isEmpty()) {
                postings.remove(term);
            }
        }
    }

    int size() {
        return termsByNote.size();
    }

    List<Hit> search(List<String> queryTerms, int limit) {
        List<String> distinct = queryTerms.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        // Start from the rarest term: the candidate set is smallest there.
        List<Map<Long, Integer>> lists = new ArrayList<>();
        for (String term : distinct) {
            Map<Long, Integer> notes = postings.get(term);
            if (notes == null) {
                return List.of();
            }
            lists.add(notes);
        }
        lists.sort(Comparator.comparingInt(Map::size));
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Long, Integer> candidate : lists.getFirst().entrySet()) {
            int score = 0;
            boolean all = true;
            for (Map<Long, Integer> notes : lists) {
                Integer count = notes.get(candidate.getKey());
                if (count == null) {
                    all = false;
                    break;
                }
                score += count;
            }
            if (all) {
                hits.add(new Hit(candidate.getKey(), score));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(Hit::noteId, Comparator.reverseOrder()));
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }
}
