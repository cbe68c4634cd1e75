package org.tanghulu.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class GenerationTest {

    @Test
    void aDerivedValueIsKeptUntilAMapOfTheCatalogChanges() {
        Generation generation = new Generation();
        Map<Long, String> departments = generation.map();
        Map<Long, List<String>> groups = generation.map();
        AtomicInteger computed = new AtomicInteger();
        Supplier<String> all = generation.cached(() -> {
            computed.incrementAndGet();
            return String.join(",", departments.values()) + "|" + groups.size();
        });

        assertEquals("|0", all.get());
        assertSame(all.get(), all.get());
        assertEquals(1, computed.get());

        departments.put(1L, "a");
        assertEquals("a|0", all.get());
        departments.replace(1L, "a", "b");
        assertEquals("b|0", all.get());
        groups.put(7L, List.of("g"));
        assertEquals("b|1", all.get());
        groups.remove(7L);
        assertEquals("b|0", all.get());
        departments.remove(1L);
        assertEquals("|0", all.get());
        assertEquals(6, computed.get());
        all.get();
        assertEquals(6, computed.get());
    }

    @Test
    void aChangeDuringTheComputationIsSeenByTheNextCaller() {
        Generation generation = new Generation();
        Map<Long, String> departments = generation.map();
        Supplier<Integer> size = generation.cached(() -> {
            int n = departments.size();
            departments.putIfAbsent(99L, "arrived meanwhile"); // another thread's change, mid-computation
            return n;
        });
        assertEquals(0, size.get());
        assertEquals(1, size.get());
        assertEquals(1, size.get());
    }
}
