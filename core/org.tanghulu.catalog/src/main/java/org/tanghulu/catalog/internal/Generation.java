package org.tanghulu.catalog.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A counter of the catalog's changes, and values derived from the catalog that are computed again only after a
 * change (issue 13: the catalog at Haidian's scale answers every page from memory, but deriving the group list, the
 * active departments or a flow chart anew on every request cost a page tens of milliseconds).
 *
 * <p>The counter counts changes of the maps made by {@link #map()}, and the changes {@link #changed()} reports: every
 * change increases it after the change is made. A derived value ({@link #cached}) is kept with the count read <i>before</i> it was computed, so a
 * change during the computation makes the next caller compute it again; a value is never newer than its count.
 */
final class Generation {

    private final AtomicLong count = new AtomicLong();

    /** @return the number of changes so far */
    long current() {
        return count.get();
    }

    /** Counts a change made elsewhere than in a {@link #map()}, after it is made (a volatile field written anew). */
    void changed() {
        count.incrementAndGet();
    }

    /** @return a map whose every change counts as a change of the catalog */
    <K, V> ConcurrentHashMap<K, V> map() {
        return new CountingMap<>(count);
    }

    /** @return {@code compute}'s value, computed again after each change of the catalog */
    <T> Supplier<T> cached(Supplier<T> compute) {
        return new Cached<>(this, compute);
    }

    private record Stamped<T>(long generation, T value) {
    }

    private static final class Cached<T> implements Supplier<T> {
        private final Generation generation;
        private final Supplier<T> compute;
        private volatile Stamped<T> last;

        Cached(Generation generation, Supplier<T> compute) {
            this.generation = generation;
            this.compute = compute;
        }

        @Override
        public T get() {
            long now = generation.current();
            Stamped<T> known = last;
            if (known != null && known.generation() == now) {
                return known.value();
            }
            T value = compute.get();
            last = new Stamped<>(now, value);
            return value;
        }
    }

    /** A ConcurrentHashMap that counts its changes (the mutators the catalog uses, and the others for safety). */
    private static final class CountingMap<K, V> extends ConcurrentHashMap<K, V> {
        private static final long serialVersionUID = 1L;
        private final transient AtomicLong count;

        CountingMap(AtomicLong count) {
            this.count = count;
        }

        private <R> R counted(R result) {
            count.incrementAndGet();
            return result;
        }

        @Override
        public V put(K key, V value) {
            return counted(super.put(key, value));
        }

        @Override
        public V putIfAbsent(K key, V value) {
            return counted(super.putIfAbsent(key, value));
        }

        @Override
        public void putAll(Map<? extends K, ? extends V> m) {
            super.putAll(m);
            count.incrementAndGet();
        }

        @Override
        public V remove(Object key) {
            return counted(super.remove(key));
        }

        @Override
        public boolean remove(Object key, Object value) {
            return counted(super.remove(key, value));
        }

        @Override
        public boolean replace(K key, V oldValue, V newValue) {
            return counted(super.replace(key, oldValue, newValue));
        }

        @Override
        public V replace(K key, V value) {
            return counted(super.replace(key, value));
        }

        @Override
        public V compute(K key, BiFunction<? super K, ? super V, ? extends V> f) {
            return counted(super.compute(key, f));
        }

        @Override
        public V computeIfAbsent(K key, Function<? super K, ? extends V> f) {
            return counted(super.computeIfAbsent(key, f));
        }

        @Override
        public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> f) {
            return counted(super.computeIfPresent(key, f));
        }

        @Override
        public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> f) {
            return counted(super.merge(key, value, f));
        }

        @Override
        public void replaceAll(BiFunction<? super K, ? super V, ? extends V> f) {
            super.replaceAll(f);
            count.incrementAndGet();
        }

        @Override
        public void clear() {
            super.clear();
            count.incrementAndGet();
        }
    }
}
