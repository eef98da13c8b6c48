// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.os;

public class Bundle {
    private final java.util.HashMap<String, Object> values = new java.util.HashMap<>();
    public void putBundle(String key, Bundle value) { values.put(key, value); }
    public Bundle getBundle(String key) { return (Bundle) values.get(key); }
    public void putString(String key, String value) { values.put(key, value); }
    public String getString(String key) { return (String) values.get(key); }
    public void putBoolean(String key, boolean value) { values.put(key, value); }
    public boolean getBoolean(String key, boolean fallback) { Object v = values.get(key); return v instanceof Boolean ? (Boolean) v : fallback; }
    public Object get(String key) { return values.get(key); }
    public boolean containsKey(String key) { return values.containsKey(key); }
    public java.util.Set<String> keySet() { return values.keySet(); }
}
