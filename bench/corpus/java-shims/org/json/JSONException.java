// Stand-in for Android's org.json.JSONException.
package org.json;

public class JSONException extends Exception {
    public JSONException(String message) { super(message); }
    public JSONException(String message, Throwable cause) { super(message, cause); }
}
