package io.herokuelk.app.api;

import io.herokuelk.app.log.Lazy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notes store: bounded in count (a create past the bound is refused, never silently evicting), with a search
 * index that is built on the first search and kept up to date after that. One lock guards both, so the index never
 * sees a half-made change.
 */
public final class NotesService {

    private static final Logger LOG = LoggerFactory.getLogger(NotesService.class);

    /** A create refused because the store holds its maximum. */
    public static final class StoreFullException extends RuntimeException {
        StoreFullException(int max) {
            super("the store holds its maximum of " + max + " notes; delete some first", null, false, false);
        }
    }

    public record Found(Note note, int score) {}

    private final int maxCount;
    private final Clock clock;
    private final Supplier<TextAnalyzer> analyzer;
    private final LinkedHashMap<Long, Note> notes = new LinkedHashMap<>();
    private long nextId = 1;
    private SearchIndex index;

    public NotesService(int maxCount, Clock clock, Supplier<TextAnalyzer> analyzer) {
        this.maxCount = maxCount;
        this.clock = clock;
        this.analyzer = analyzer;
    }

    public synchronized Note create(String text) {
        if (notes.size() >= maxCount) {
            throw new StoreFullException(maxCount);
        }
        Note note = new Note(
                nextId++,
                text,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        notes.put(note.id(), note);
        if (index != null) {
            index.add(note);
        }
        return note;
    }

    public synchronized Optional<Note> get(long id) {
        return Optional.ofNullable(notes.get(id));
    }

    public synchronized boolean delete(long id) {
        boolean removed = notes.remove(id) != null;
        if (removed && index != null) {
            index.remove(id);
        }
        return removed;
    }

    /** Newest first. */
    public synchronized List<Note> newest(int limit) {
        List<Note> all = new ArrayList<>(notes.values());
        List<Note> result = new ArrayList<>(Math.min(limit, all.size()));
        for (int i = all.size() - 1; i >= 0 && result.size() < limit; i--) {
            result.add(all.get(i));
        }
        return result;
    }

    public synchronized int size() {
        return notes.size();
    }

    public int maxCount() {
        return maxCount;
    }

    public synchronized List<Found> search(List<String> terms, int limit) {
        return index().search(terms, limit).stream()
                .map(hit -> new Found(notes.get(hit.noteId()), hit.score()))
                .toList();
    }

    public synchronized boolean indexBuilt() {
        return index != null;
    }

    private SearchIndex index() {
        if (index == null) {
            index = Lazy.measure(
                    "search-index",
                    () -> {
                        SearchIndex built = new SearchIndex(analyzer.get());
                        notes.values().forEach(built::add);
                        return built;
                    },
                    SearchIndex::size,
                    LOG);
        }
        return index;
    }
}
