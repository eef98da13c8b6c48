// Stand-in for Android's org.json.JSONObject: an insertion-ordered map with Android's accessors.
package org.json;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

public class JSONObject {
    public static final Object NULL = new Object() {
        @Override public boolean equals(Object o) { return o == this || o == null; }
        @Override public int hashCode() { return 0; }
        @Override public String toString() { return "null"; }
    };

    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    public JSONObject() {}

    public JSONObject(String json) throws JSONException {
        Object value = new JSONTokener(json).nextValue();
        if (!(value instanceof JSONObject)) throw JSON.typeMismatch("root", value, "JSONObject");
        values.putAll(((JSONObject) value).values);
    }

    public JSONObject(Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) values.put(String.valueOf(e.getKey()), e.getValue());
    }

    public int length() { return values.size(); }

    public JSONObject put(String name, Object value) throws JSONException {
        if (name == null) throw new JSONException("Names must be non-null");
        if (value == null) values.remove(name); else values.put(name, value);
        return this;
    }
    public JSONObject put(String name, boolean value) throws JSONException { return put(name, (Object) value); }
    public JSONObject put(String name, int value) throws JSONException { return put(name, (Object) value); }
    public JSONObject put(String name, long value) throws JSONException { return put(name, (Object) value); }
    public JSONObject put(String name, double value) throws JSONException { return put(name, (Object) value); }
    public JSONObject putOpt(String name, Object value) throws JSONException { return name == null || value == null ? this : put(name, value); }

    public Object remove(String name) { return values.remove(name); }
    public boolean has(String name) { return values.containsKey(name); }
    public boolean isNull(String name) { Object v = values.get(name); return v == null || v == NULL; }
    public Object opt(String name) { return values.get(name); }
    public Iterator<String> keys() { return values.keySet().iterator(); }
    public JSONArray names() { return values.isEmpty() ? null : new JSONArray(new java.util.ArrayList<Object>(values.keySet())); }

    public Object get(String name) throws JSONException {
        Object v = values.get(name);
        if (v == null) throw new JSONException("No value for " + name);
        return v;
    }

    public String getString(String name) throws JSONException {
        Object v = get(name);
        String s = JSON.toString(v);
        if (s == null) throw JSON.typeMismatch(name, v, "String");
        return s;
    }
    public String optString(String name) { return optString(name, ""); }
    public String optString(String name, String fallback) { Object v = opt(name); String s = JSON.toString(v); return s != null && v != NULL ? s : fallback; }

    public boolean getBoolean(String name) throws JSONException {
        Object v = get(name);
        Boolean b = JSON.toBoolean(v);
        if (b == null) throw JSON.typeMismatch(name, v, "boolean");
        return b;
    }
    public boolean optBoolean(String name) { return optBoolean(name, false); }
    public boolean optBoolean(String name, boolean fallback) { Boolean b = JSON.toBoolean(opt(name)); return b != null ? b : fallback; }

    public double getDouble(String name) throws JSONException {
        Object v = get(name);
        Double d = JSON.toDouble(v);
        if (d == null) throw JSON.typeMismatch(name, v, "double");
        return d;
    }
    public double optDouble(String name) { return optDouble(name, Double.NaN); }
    public double optDouble(String name, double fallback) { Double d = JSON.toDouble(opt(name)); return d != null ? d : fallback; }
    public int getInt(String name) throws JSONException { return (int) getDouble(name); }
    public int optInt(String name) { return optInt(name, 0); }
    public int optInt(String name, int fallback) { Double d = JSON.toDouble(opt(name)); return d != null ? d.intValue() : fallback; }
    public long getLong(String name) throws JSONException { return (long) getDouble(name); }
    public long optLong(String name) { return optLong(name, 0L); }
    public long optLong(String name, long fallback) { Double d = JSON.toDouble(opt(name)); return d != null ? d.longValue() : fallback; }

    public JSONObject getJSONObject(String name) throws JSONException {
        Object v = get(name);
        if (v instanceof JSONObject) return (JSONObject) v;
        throw JSON.typeMismatch(name, v, "JSONObject");
    }
    public JSONObject optJSONObject(String name) { Object v = opt(name); return v instanceof JSONObject ? (JSONObject) v : null; }
    public JSONArray getJSONArray(String name) throws JSONException {
        Object v = get(name);
        if (v instanceof JSONArray) return (JSONArray) v;
        throw JSON.typeMismatch(name, v, "JSONArray");
    }
    public JSONArray optJSONArray(String name) { Object v = opt(name); return v instanceof JSONArray ? (JSONArray) v : null; }

    public static String quote(String data) { return data == null ? "\"\"" : JSON.quote(data); }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (out.length() > 1) out.append(',');
            out.append(JSON.quote(e.getKey())).append(':').append(JSON.write(e.getValue()));
        }
        return out.append('}').toString();
    }

    public String toString(int indentSpaces) { return toString(); }
}
