package org.apache.cordova.smoke;

import android.app.Activity;
import org.apache.cordova.CordovaArgs;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.apache.cordova.CordovaInterface;
import org.apache.cordova.CordovaPreferences;
import org.apache.cordova.CordovaWebView;
import org.apache.cordova.NativeToJsMessageQueue;
import org.apache.cordova.PluginEntry;
import org.apache.cordova.PluginManager;
import org.apache.cordova.PluginResult;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Smoke test of the native side of the bridge on a plain JVM: JavaScript calls go through
 * PluginManager.exec to a plugin, results are queued and encoded the way the WebView receives them.
 */
public class BridgeSmoke {
    private final NativeToJsMessageQueue queue = new NativeToJsMessageQueue();
    private final Activity activity = new Activity();
    private final ExecutorService threadPool = Executors.newSingleThreadExecutor();
    private final CordovaPreferences preferences = new CordovaPreferences();
    private PluginManager pluginManager;

    private static Object defaultFor(Class<?> type) {
        if (type == boolean.class) return false;
        if (type == int.class || type == long.class || type == short.class || type == byte.class) return 0;
        if (type == float.class || type == double.class) return 0.0;
        return null;
    }

    private CordovaInterface cordova() {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "getActivity":
                case "getContext":
                    return activity;
                case "getThreadPool":
                    return threadPool;
                case "hasPermission":
                    return true;
                default:
                    return defaultFor(method.getReturnType());
            }
        };
        return (CordovaInterface) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CordovaInterface.class}, handler);
    }

    private CordovaWebView webView() {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "sendPluginResult":
                    queue.addPluginResult((PluginResult) args[0], (String) args[1]);
                    return null;
                case "getContext":
                    return activity;
                case "getPreferences":
                    return preferences;
                case "getPluginManager":
                    return pluginManager;
                case "isButtonPlumbedToJs":
                    return false;
                default:
                    return defaultFor(method.getReturnType());
            }
        };
        return (CordovaWebView) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CordovaWebView.class}, handler);
    }

    private String call(String service, String action, String callbackId, String rawArgs) {
        pluginManager.exec(service, action, callbackId, rawArgs);
        String encoded = queue.popAndEncode(false);
        if (encoded == null) throw new IllegalStateException("no bridge message for " + service + "." + action);
        return encoded;
    }

    private void expect(String encoded, String fragment) {
        if (!encoded.contains(fragment)) throw new IllegalStateException("bridge message " + encoded + " lacks " + fragment);
    }

    void run() {
        preferences.set("loglevel", "DEBUG");
        List<PluginEntry> entries = new ArrayList<PluginEntry>();
        entries.add(new PluginEntry("Echo", EchoPlugin.class.getName(), false));
        entries.add(new PluginEntry("Compass", "org.apache.cordova.compass.CompassListener", false));
        pluginManager = new PluginManager(webView(), cordova(), entries);
        pluginManager.init();
        queue.addBridgeMode(new NativeToJsMessageQueue.NoOpBridgeMode());
        queue.setBridgeMode(0);

        expect(call("Echo", "echo", "Echo1", "[\"hello bridge\"]"), "shello bridge");
        expect(call("Echo", "profile", "Echo2", "[{\"name\":\"ada\",\"tags\":[\"x\"]}]"), "\"name\":\"ada\"");
        expect(call("Echo", "bytes", "Echo3", "[\"AQID\"]"), "AQID");
        expect(call("Echo", "sum", "Echo4", "[[1,2,3,4]]"), "n10");
        expect(call("Echo", "progress", "Echo5", "[42]"), "Echo5");
        expect(call("Echo", "fail", "Echo6", "[9]"), "\"code\":9");
        expect(call("Camera", "takePicture", "Camera1", "[]"), "Camera1");
        pluginManager.exec("Echo", "echo", "Echo7", "[\"one\"]");
        pluginManager.exec("Echo", "echo", "Echo8", "[\"two\"]");
        String batch = queue.popAndEncodeAsJs();
        if (batch == null || !batch.contains("Echo8")) throw new IllegalStateException("batched messages lost: " + batch);
        checkLifecycle();
        checkDirectResults();
        threadPool.shutdown();
        System.out.println("bridge ok");
    }

    /** Lifecycle and navigation hooks fan out to every plugin through PluginManager. */
    private void checkLifecycle() {
        if (pluginManager.getPlugin("Echo") == null) throw new IllegalStateException("Echo plugin not created");
        pluginManager.onPause(false);
        pluginManager.onResume(false);
        pluginManager.onStart();
        pluginManager.postMessage("spinner", "stop");
        Object allowed = pluginManager.shouldAllowRequest("https://example.org/api");
        pluginManager.onStop();
        System.out.println("allow request: " + allowed);
    }

    /** Results built outside exec, encoded both ways the WebView can receive them. */
    private void checkDirectResults() {
        try {
            CordovaArgs args = new CordovaArgs(new JSONArray("[\"text\", 42, true, {\"k\": \"v\"}, [1, 2], \"AQID\", null]"));
            String summary = args.getString(0) + args.getInt(1) + args.getBoolean(2) + args.getJSONObject(3).getString("k")
                    + args.getJSONArray(4).length() + args.getArrayBuffer(5).length + args.optString(6) + args.isNull(6);
            queue.addPluginResult(new PluginResult(PluginResult.Status.OK, summary), "Direct1");
            queue.addPluginResult(new PluginResult(PluginResult.Status.ERROR, new JSONObject().put("reason", "denied")), "Direct2");
            queue.addPluginResult(new PluginResult(PluginResult.Status.OK, 2.5f), "Direct3");
            queue.addPluginResult(new PluginResult(PluginResult.Status.OK, args.getBoolean(2)), "Direct6");
            queue.addPluginResult(new PluginResult(PluginResult.Status.NO_RESULT), "Direct4");
            queue.addPluginResult(new PluginResult(PluginResult.Status.OK, new byte[] {0, 1, 2, 3}, true), "Direct5");
            String encoded = queue.popAndEncode(false);
            String js = queue.popAndEncodeAsJs();
            expect(encoded + js, "Direct5");
            System.out.println(args.optInt(1) + " " + encoded.length());
        } catch (JSONException e) {
            throw new IllegalStateException("unexpected JSON failure", e);
        }
    }

    public static void main(String[] args) {
        new BridgeSmoke().run();
    }
}
