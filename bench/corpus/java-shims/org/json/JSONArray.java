// Stand-in for Android's org.json.JSONArray: a list with Android's accessors.
package org.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

public class JSONArray {
    private final List<Object> values = new ArrayList<>();

    public JSONArray() {}

    public JSONArray(Collection<?> copyFrom) { if (copyFrom != null) values.addAll(copyFrom); }

    public JSONArray(String json) throws JSONException {
        Object value = new JSONTokener(json).nextValue();
        if (!(value instanceof JSONArray)) throw JSON.typeMismatch("root", value, "JSONArray");
        values.addAll(((JSONArray) value).values);
    }

    public JSONArray(Object array) throws JSONException {
        if (!array.getClass().isArray()) throw new JSONException("Not a primitive array: " + array.getClass());
        int length = java.lang.reflect.Array.getLength(array);
        for (int i = 0; i < length; i++) values.add(java.lang.reflect.Array.get(array, i));
    }

    public int length() { return values.size(); }

    public JSONArray put(Object value) { values.add(value); return this; }
    public JSONArray put(boolean value) { values.add(value); return this; }
    public JSONArray put(int value) { values.add(value); return this; }
    public JSONArray put(long value) { values.add(value); return this; }
    public JSONArray put(double value) throws JSONException { values.add(value); return this; }
    public JSONArray put(int index, Object value) throws JSONException {
        if (index < 0) throw new JSONException("Index " + index + " out of range");
        while (values.size() <= index) values.add(null);
        values.set(index, value);
        return this;
    }

    public boolean isNull(int index) { Object v = opt(index); return v == null || v == JSONObject.NULL; }
    public Object opt(int index) { return index < 0 || index >= values.size() ? null : values.get(index); }
    public Object remove(int index) { return index < 0 || index >= values.size() ? null : values.remove(index); }

    public Object get(int index) throws JSONException {
        try {
            Object v = values.get(index);
            if (v == null) throw new JSONException("Value at " + index + " is null.");
            return v;
        } catch (IndexOutOfBoundsException e) {
            throw new JSONException("Index " + index + " out of range [0.." + values.size() + ")", e);
        }
    }

    public String getString(int index) throws JSONException {
        Object v = get(index);
        String s = JSON.toString(v);
        if (s == null) throw JSON.typeMismatch(index, v, "String");
        return s;
    }
    public String optString(int index) { return optString(index, ""); }
    public String optString(int index, String fallback) { Object v = opt(index); String s = JSON.toString(v); return s != null && v != JSONObject.NULL ? s : fallback; }

    public boolean getBoolean(int index) throws JSONException {
        Object v = get(index);
        Boolean b = JSON.toBoolean(v);
        if (b == null) throw JSON.typeMismatch(index, v, "boolean");
        return b;
    }
    public boolean optBoolean(int index) { return optBoolean(index, false); }
    public boolean optBoolean(int index, boolean fallback) { Boolean b = JSON.toBoolean(opt(index)); return b != null ? b : fallback; }

    public double getDouble(int index) throws JSONException {
        Object v = get(index);
        Double d = JSON.toDouble(v);
        if (d == null) throw JSON.typeMismatch(index, v, "double");
        return d;
    }
    public double optDouble(int index) { return optDouble(index, Double.NaN); }
    public double optDouble(int index, double fallback) { Double d = JSON.toDouble(opt(index)); return d != null ? d : fallback; }
    public int getInt(int index) throws JSONException { return (int) getDouble(index); }
    public int optInt(int index) { return optInt(index, 0); }
    public int optInt(int index, int fallback) { Double d = JSON.toDouble(opt(index)); return d != null ? d.intValue() : fallback; }
    public long getLong(int index) throws JSONException { return (long) getDouble(index); }
    public long optLong(int index) { return optLong(index, 0L); }
    public long optLong(int index, long fallback) { Double d = JSON.toDouble(opt(index)); return d != null ? d.longValue() : fallback; }

    public JSONObject getJSONObject(int index) throws JSONException {
        Object v = get(index);
        if (v instanceof JSONObject) return (JSONObject) v;
        throw JSON.typeMismatch(index, v, "JSONObject");
    }
    public JSONObject optJSONObject(int index) { Object v = opt(index); return v instanceof JSONObject ? (JSONObject) v : null; }
    public JSONArray getJSONArray(int index) throws JSONException {
        Object v = get(index);
        if (v instanceof JSONArray) return (JSONArray) v;
        throw JSON.typeMismatch(index, v, "JSONArray");
    }
    public JSONArray optJSONArray(int index) { Object v = opt(index); return v instanceof JSONArray ? (JSONArray) v : null; }

    public String join(String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(separator);
            out.append(JSON.write(values.get(i)));
        }
        return out.toString();
    }

    @Override
    public String toString() { return "[" + join(",") + "]"; }

    public String toString(int indentSpaces) { return toString(); }
}
