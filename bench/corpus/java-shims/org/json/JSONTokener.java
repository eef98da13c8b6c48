// A small JSON reader for the org.json stand-ins (objects, arrays, strings, numbers, literals).
package org.json;

public class JSONTokener {
    private final String in;
    private int pos;

    public JSONTokener(String in) { this.in = in == null ? "" : in; }

    private void skipWhitespace() { while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) pos++; }

    private JSONException syntaxError(String message) { return new JSONException(message + " at character " + pos + " of " + in); }

    public Object nextValue() throws JSONException {
        skipWhitespace();
        if (pos >= in.length()) throw syntaxError("End of input");
        char c = in.charAt(pos);
        if (c == '{') return readObject();
        if (c == '[') return readArray();
        if (c == '"' || c == '\'') return readString(c);
        return readLiteral();
    }

    private JSONObject readObject() throws JSONException {
        JSONObject result = new JSONObject();
        pos++;
        skipWhitespace();
        if (pos < in.length() && in.charAt(pos) == '}') { pos++; return result; }
        while (true) {
            Object key = nextValue();
            skipWhitespace();
            if (pos >= in.length() || in.charAt(pos) != ':') throw syntaxError("Expected ':' after " + key);
            pos++;
            result.put(String.valueOf(key), nextValue());
            skipWhitespace();
            if (pos >= in.length()) throw syntaxError("Unterminated object");
            char c = in.charAt(pos++);
            if (c == '}') return result;
            if (c != ',') throw syntaxError("Unterminated object");
        }
    }

    private JSONArray readArray() throws JSONException {
        JSONArray result = new JSONArray();
        pos++;
        skipWhitespace();
        if (pos < in.length() && in.charAt(pos) == ']') { pos++; return result; }
        while (true) {
            result.put(nextValue());
            skipWhitespace();
            if (pos >= in.length()) throw syntaxError("Unterminated array");
            char c = in.charAt(pos++);
            if (c == ']') return result;
            if (c != ',') throw syntaxError("Unterminated array");
        }
    }

    private String readString(char quote) throws JSONException {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < in.length()) {
            char c = in.charAt(pos++);
            if (c == quote) return out.toString();
            if (c == '\\') {
                char e = in.charAt(pos++);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u': out.append((char) Integer.parseInt(in.substring(pos, pos + 4), 16)); pos += 4; break;
                    default: out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        throw syntaxError("Unterminated string");
    }

    private Object readLiteral() throws JSONException {
        int start = pos;
        while (pos < in.length() && ",:]} \t\n\r".indexOf(in.charAt(pos)) < 0) pos++;
        String literal = in.substring(start, pos);
        if (literal.equals("null")) return JSONObject.NULL;
        if (literal.equals("true")) return Boolean.TRUE;
        if (literal.equals("false")) return Boolean.FALSE;
        try {
            if (literal.contains(".") || literal.contains("e") || literal.contains("E")) return Double.valueOf(literal);
            long value = Long.parseLong(literal);
            return value == (int) value ? Integer.valueOf((int) value) : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return literal;
        }
    }
}
