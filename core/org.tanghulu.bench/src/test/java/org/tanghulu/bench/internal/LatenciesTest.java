package org.tanghulu.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentilesInMilliseconds() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.add(i * 1_000_000L);
        }
        assertEquals(100, l.count());
        assertEquals(50.0, l.percentileMillis(50));
        assertEquals(99.0, l.percentileMillis(99));
        assertEquals(100.0, l.percentileMillis(100));
        assertEquals(50.5, l.meanMillis(), 1e-9);
    }

    @Test
    void fewMeasurementsAndNone() {
        Latencies l = new Latencies();
        assertEquals(0.0, l.percentileMillis(99));
        l.add(3_000_000L);
        assertEquals(3.0, l.percentileMillis(50));
        assertEquals(3.0, l.percentileMillis(99));
        Latencies all = new Latencies();
        all.addAll(l);
        all.addAll(l);
        assertEquals(2, all.count());
    }
}
