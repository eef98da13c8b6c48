// cordova-android 7-13: the Android platform's Java bridge (framework/src/org/apache/cordova,
// ~9k lines) plus its Node tooling, over 19 releases. Exercise: a JVM smoke test that sends calls
// through PluginManager.exec to a plugin and encodes the results like the WebView receives them;
// Android SDK types come from small stand-ins (bench/corpus/java-shims), compiled outside the repo.
const FRAMEWORK = 'framework/src/org/apache/cordova/';
const SOURCES = [
  'CordovaArgs', 'PluginResult', 'NativeToJsMessageQueue', 'CordovaWebViewEngine', 'CordovaWebView', 'CordovaInterface',
  'CordovaPlugin', 'CordovaResourceApi', 'PluginManager', 'PluginEntry', 'CallbackContext', 'CordovaPreferences', 'LOG',
  'AllowList', 'Whitelist', 'ICordovaCookieManager', 'ICordovaHttpAuthHandler', 'ICordovaClientCertRequest', 'CordovaBridge',
  'ExposedJsApi', 'PermissionHelper', 'CallbackMap', 'CordovaPluginPathHandler',
].map((name) => `${FRAMEWORK}${name}.java`);
const SMOKE = 'test/jvm/org/apache/cordova/smoke/';

export default {
  project: {
    id: 'cordova',
    pkg: 'cordova-android',
    language: 'java',
    include: (p) => !p.includes('node_modules/') && !/\.(jar|png|keystore)$/.test(p),
    releaseMessage: (v) => `${v}`,
  },
  versions: { from: '7.0.0', to: '13.0.0' },
  density: [1, 4],
  exercises: {
    app: {
      kind: 'java',
      entry: `${SMOKE}BridgeSmoke.java`,
      mainClass: 'org.apache.cordova.smoke.BridgeSmoke',
      sources: [...SOURCES, `${SMOKE}EchoPlugin.java`],
      files: [[`${SMOKE}BridgeSmoke.java`, 'BridgeSmoke.java'], [`${SMOKE}EchoPlugin.java`, 'EchoPlugin.java']],
      message: 'test: JVM smoke test for the exec bridge',
    },
  },
  expect: 'Exception',
  cases: [
    { id: 'java-cordova-callback-id', intent: 'drop', expect: "Exception", edits: [{"file":"framework/src/org/apache/cordova/CallbackContext.java","find":"    public CallbackContext(String callbackId, CordovaWebView webView) {\n        this.callbackId = callbackId;\n","replace":"    public CallbackContext(String callbackId, CordovaWebView webView) {\n"}] },
    { id: 'java-cordova-args-base', intent: 'drop', expect: "Exception", edits: [{"file":"framework/src/org/apache/cordova/CordovaArgs.java","find":"    public CordovaArgs(JSONArray args) {\n        this.baseArgs = args;\n","replace":"    public CordovaArgs(JSONArray args) {\n"}] },
    { id: 'java-cordova-number-length', intent: 'accessor', expect: 'NullPointerException', edits: [{ file: `${FRAMEWORK}NativeToJsMessageQueue.java`, find: '                case PluginResult.MESSAGE_TYPE_NUMBER: // n\n                    return 1 + pluginResult.getMessage().length();', replace: '                case PluginResult.MESSAGE_TYPE_NUMBER: // n\n                    return 1 + pluginResult.getStrMessage().length();' }] },
    { id: 'java-cordova-json-encoding', intent: 'field', expect: 'IllegalStateException', edits: [{ file: `${FRAMEWORK}PluginResult.java`, find: '    public PluginResult(Status status, JSONObject message) {\n        this.status = status.ordinal();\n        this.messageType = MESSAGE_TYPE_JSON;\n        encodedMessage = message.toString();', replace: '    public PluginResult(Status status, JSONObject message) {\n        this.status = status.ordinal();\n        this.messageType = MESSAGE_TYPE_JSON;\n        strMessage = message.toString();' }] },
    { id: 'java-cordova-multipart-field', intent: 'drop', expect: 'NullPointerException', edits: [{ file: `${FRAMEWORK}PluginResult.java`, find: '        this.messageType = MESSAGE_TYPE_MULTIPART;\n        this.multipartMessages = multipartMessages;\n', replace: '        this.messageType = MESSAGE_TYPE_MULTIPART;\n' }] },
    { id: 'java-cordova-pause-null', intent: 'unguard', expect: 'NullPointerException', edits: [{ file: `${FRAMEWORK}PluginManager.java`, find: '                if (plugin != null) {\n                    plugin.onPause(multitasking);\n                }', replace: '                plugin.onPause(multitasking);' }] },
    { id: 'java-cordova-resume-null', intent: 'unguard', expect: 'NullPointerException', edits: [{ file: `${FRAMEWORK}PluginManager.java`, find: '                if (plugin != null) {\n                    plugin.onResume(multitasking);\n                }', replace: '                plugin.onResume(multitasking);' }] },
    { id: 'java-cordova-stop-null', intent: 'unguard', expect: 'NullPointerException', edits: [{ file: `${FRAMEWORK}PluginManager.java`, find: '                if (plugin != null) {\n                    plugin.onStop();\n                }', replace: '                plugin.onStop();' }] },
    { id: 'java-cordova-message-null', intent: 'unguard', expect: 'NullPointerException', edits: [{ file: `${FRAMEWORK}PluginManager.java`, find: '                if (plugin != null) {\n                    plugin.onMessage(id, data);\n                }', replace: '                plugin.onMessage(id, data);' }] },
    { id: 'java-cordova-unknown-service', intent: 'drop', expect: 'NullPointerException', edits: [{ file: `${FRAMEWORK}PluginManager.java`, find: '            if (pe == null) {\n                return null;\n            }\n', replace: '' }] },
    { id: 'java-cordova-boolean-encoding', intent: 'accessor', expect: 'NullPointerException', edits: [{ file: `${FRAMEWORK}NativeToJsMessageQueue.java`, find: '                    sb.append(pluginResult.getMessage().charAt(0)); // t or f.', replace: '                    sb.append(pluginResult.getStrMessage().charAt(0)); // t or f.' }] },
    { id: 'java-cordova-multipart-bounds', intent: 'off-by-one', expect: 'IndexOutOfBoundsException', edits: [{ file: `${FRAMEWORK}NativeToJsMessageQueue.java`, find: '                    for (int i = 0; i < pluginResult.getMultipartMessagesSize(); i++) {\n                        int length', replace: '                    for (int i = 0; i <= pluginResult.getMultipartMessagesSize(); i++) {\n                        int length' }] },
    { id: 'java-cordova-asjs-bounds', intent: 'off-by-one', expect: 'NoSuchElementException', edits: [{ file: `${FRAMEWORK}NativeToJsMessageQueue.java`, find: '            for (int i = 0; i < numMessagesToSend; ++i) {\n                JsMessage message = queue.removeFirst();\n                if (willSendAllMessages', replace: '            for (int i = 0; i <= numMessagesToSend; ++i) {\n                JsMessage message = queue.removeFirst();\n                if (willSendAllMessages' }] },
  ],
};
