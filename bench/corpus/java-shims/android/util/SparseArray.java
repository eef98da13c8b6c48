// Stand-in for android.util.SparseArray backed by a TreeMap.
package android.util;

public class SparseArray<E> {
    private final java.util.TreeMap<Integer, E> values = new java.util.TreeMap<>();

    public E get(int key) { return values.get(key); }
    public E get(int key, E fallback) { return values.getOrDefault(key, fallback); }
    public void put(int key, E value) { values.put(key, value); }
    public void remove(int key) { values.remove(key); }
    public void delete(int key) { values.remove(key); }
    public int size() { return values.size(); }
}
