package org.apache.cordova.smoke;

import org.apache.cordova.CallbackContext;
import org.apache.cordova.CordovaArgs;
import org.apache.cordova.CordovaPlugin;
import org.apache.cordova.PluginResult;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

import java.util.ArrayList;
import java.util.List;

/** A plugin that answers the bridge smoke test with every kind of result the bridge can carry. */
public class EchoPlugin extends CordovaPlugin {
    @Override
    public boolean execute(String action, CordovaArgs args, CallbackContext callbackContext) throws JSONException {
        switch (action) {
            case "echo":
                callbackContext.success(args.getString(0));
                return true;
            case "profile": {
                JSONObject options = args.getJSONObject(0);
                JSONObject profile = new JSONObject();
                profile.put("name", options.getString("name"));
                profile.put("retries", options.optInt("retries", 3));
                profile.put("tags", options.optJSONArray("tags") == null ? new JSONArray() : options.getJSONArray("tags"));
                callbackContext.success(profile);
                return true;
            }
            case "bytes":
                callbackContext.success(args.getArrayBuffer(0));
                return true;
            case "sum": {
                JSONArray numbers = args.getJSONArray(0);
                int total = 0;
                for (int i = 0; i < numbers.length(); i++) total += numbers.getInt(i);
                callbackContext.success(total);
                return true;
            }
            case "progress": {
                List<PluginResult> parts = new ArrayList<PluginResult>();
                parts.add(new PluginResult(PluginResult.Status.OK, "step"));
                parts.add(new PluginResult(PluginResult.Status.OK, args.optInt(0)));
                parts.add(new PluginResult(PluginResult.Status.OK, new byte[] {1, 2, 3}));
                PluginResult result = new PluginResult(PluginResult.Status.OK, parts);
                result.setKeepCallback(true);
                callbackContext.sendPluginResult(result);
                return true;
            }
            case "fail":
                callbackContext.error(new JSONObject().put("code", args.isNull(0) ? 7 : args.optInt(0)));
                return true;
            default:
                return false;
        }
    }
}
