package io.herokuelk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NotesServiceTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private final AtomicInteger analyzerBuilds = new AtomicInteger();
    private final NotesService notes =
            new NotesService(3, Clock.fixed(Instant.parse("2026-11-26T10:00:00.123456Z"), ZoneOffset.UTC), () -> {
                analyzerBuilds.incrementAndGet();
                return ANALYZER;
            });

    @Test
    void aFullStoreRefusesInsteadOfEvicting() {
        notes.create("one");
        notes.create("two");
        notes.create("three");
        assertThatThrownBy(() -> notes.create("four")).isInstanceOf(NotesService.StoreFullException.class);
        assertThat(notes.newest(10)).extracting(Note::text).containsExactly("three", "two", "one");
    }

    @Test
    void notesCarryAMillisecondUtcTimestamp() {
        assertThat(notes.create("one").createdAt()).isEqualTo("2026-11-26T10:00:00.123Z");
    }

    @Test
    void theIndexIsBuiltOnTheFirstSearchOnlyAndFollowsChangesAfterThat() {
        Note router = notes.create("The router logs every request");
        notes.create("Memory samples every twenty seconds");
        assertThat(notes.indexBuilt()).isFalse();
        assertThat(analyzerBuilds).hasValue(0);

        assertThat(notes.search(List.of("router"), 10))
                .extracting(f -> f.note().id())
                .containsExactly(router.id());
        assertThat(notes.indexBuilt()).isTrue();

        Note later = notes.create("A router line and a router event");
        assertThat(notes.search(List.of("router"), 10))
                .extracting(f -> f.note().id())
                .containsExactly(later.id(), router.id()); // two mentions score higher
        notes.delete(router.id());
        assertThat(notes.search(List.of("router"), 10))
                .extracting(f -> f.note().id())
                .containsExactly(later.id());
    }

    @Test
    void everyTermMustMatch() {
        notes.create("router request");
        notes.create("router memory");
        assertThat(notes.search(List.of("router", "memory"), 10)).hasSize(1);
        assertThat(notes.search(List.of("router", "absent"), 10)).isEmpty();
    }
}
